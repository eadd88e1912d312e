"""Which routes a person hears by, and when: preferences, summaries and quiet hours."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from copro.notifications.models import Channel, Preference
from copro.people.phones import is_uk_mobile

# Summaries go out in the morning, local time; a weekly one on Mondays.
SUMMARY_HOUR = 8


def _profile(person):
    try:
        return person.profile
    except Exception:  # no profile yet: the person never said how to reach them
        return None


def possible_routes(person) -> set[str]:
    """The routes we have an address for."""
    profile = _profile(person)
    possible = set()
    if person.email:
        possible.add(Channel.EMAIL)
    if profile is not None and is_uk_mobile(profile.phone):
        possible.add(Channel.TEXT)
    if profile is not None and profile.postal_address.strip():
        possible.add(Channel.POST)
    return possible


def default_routes(person) -> list[str]:
    """From the profile's "How should we contact you?": one route, the one they chose.
    "Phone call" cannot be automatic, so a text to a mobile, else a letter, else e-mail."""
    profile = _profile(person)
    method = profile.contact_method if profile is not None else "email"
    possible = possible_routes(person)
    wanted = {
        "email": [Channel.EMAIL, Channel.POST, Channel.TEXT],
        "text": [Channel.TEXT, Channel.POST, Channel.EMAIL],
        "post": [Channel.POST, Channel.EMAIL],
        "phone": [Channel.TEXT, Channel.POST, Channel.EMAIL],
    }.get(method, [Channel.EMAIL])
    for route in wanted:
        if route in possible:
            return [str(route)]
    return []


def chosen(person, preference: Preference | None) -> tuple[list[str], str]:
    """(routes besides the service, frequency) for one person and one kind of event."""
    if preference is None:
        return default_routes(person), Preference.Frequency.NOW
    possible = possible_routes(person)
    routes = [route for route in preference.routes if route in possible]
    return routes, preference.frequency


def local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


def next_summary_at(now: datetime.datetime, frequency: str) -> datetime.datetime:
    """The next morning (daily) or the next Monday morning (weekly), local time."""
    here = local(now)
    day = here.date() + datetime.timedelta(days=1)
    if frequency == Preference.Frequency.WEEKLY:
        day = here.date() + datetime.timedelta(days=7 - here.weekday())
    return datetime.datetime.combine(
        day, datetime.time(SUMMARY_HOUR), tzinfo=ZoneInfo(settings.TIME_ZONE)
    )


def quiet_until(quiet, now: datetime.datetime) -> datetime.datetime | None:
    """When the person's quiet hours end, if `now` is inside them; otherwise None."""
    if quiet is None or quiet.starts == quiet.ends:
        return None
    here = local(now)
    clock = here.time().replace(tzinfo=None)
    if quiet.starts < quiet.ends:
        inside = quiet.starts <= clock < quiet.ends
    else:  # over midnight, like 21:00 to 08:00
        inside = clock >= quiet.starts or clock < quiet.ends
    if not inside:
        return None
    end = datetime.datetime.combine(here.date(), quiet.ends, tzinfo=here.tzinfo)
    if end <= here:
        end += datetime.timedelta(days=1)
    return end
