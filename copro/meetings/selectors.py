"""Reads that meeting pages share, each a fixed number of queries whatever the numbers of
invitees, papers or needs."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from copro.framework.models import NetworkGroup
from copro.meetings import hosts, scheduling
from copro.meetings.agenda import check_agenda
from copro.meetings.models import (
    EXPERIENCE,
    NEED_FEATURES,
    Arrangement,
    Invitee,
    Meeting,
    Venue,
)
from copro.meetings.selectors_formats import papers_for_viewer
from copro.meetings.services import needs_of, wanted_arrangements
from copro.people.models import AvailableSlot, UnavailableDate, User
from copro.projects.models import Project


def _of(host: Project | NetworkGroup) -> Q:
    return Q(group=host) if isinstance(host, NetworkGroup) else Q(project=host)


def host_meetings(*, host: Project | NetworkGroup) -> dict:
    """A project's or a group's meetings: coming up, held, and how they spread over the week."""
    meetings = list(
        Meeting.objects.filter(_of(host))
        .select_related("venue")
        .annotate(
            invited=Count("invitees"),
            coming=Count("invitees", filter=Q(invitees__reply=Invitee.Reply.YES)),
        )
        .order_by("starts_at", "pk")
    )
    now = timezone.now()
    return {
        "upcoming": [m for m in meetings if m.starts_at > now],
        "past": [m for m in meetings if m.starts_at <= now][::-1],
        "spread": scheduling.spread(m.starts_at for m in meetings if m.starts_at <= now),
    }


@dataclass(frozen=True)
class VenueWarning:
    need: str
    people: list[str]
    venue: Venue
    blocking: bool

    @property
    def text(self) -> str:
        names = _names(self.people)
        label = NEED_TEXT.get(self.need, self.need)
        verb = "needs" if len(self.people) == 1 else "need"
        return f"{names} {verb} {label}, but {self.venue.name} does not have it."


NEED_TEXT = {
    "step_free": "step-free access",
    "accessible_toilet": "an accessible toilet",
    "hearing_loop": "a hearing loop",
    "quiet_space": "a quiet space to take a break",
}


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def venue_warnings(meeting: Meeting, lines: list[Arrangement]) -> list[VenueWarning]:
    """Needs the venue cannot meet; a step-free need at a venue without it blocks."""
    if not meeting.in_the_room or meeting.venue is None:
        return []
    missing: dict[str, list[str]] = {}
    for line in lines:
        feature = NEED_FEATURES.get(line.need)
        if feature and not meeting.venue.has(feature[0]):
            missing.setdefault(line.need, []).append(line.invitee.user.display_name)
    warnings = [
        VenueWarning(need, sorted(set(people)), meeting.venue, NEED_FEATURES[need][1])
        for need, people in missing.items()
    ]
    return sorted(warnings, key=lambda w: (not w.blocking, w.need))


def checklist(*, meeting: Meeting) -> dict:
    """The organiser's access checklist: a line per need or format of everyone who has not
    said no, how far each is arranged, what the venue lacks, and whether needs have changed
    since the list was made."""
    lines = [
        line
        for line in Arrangement.objects.filter(meeting=meeting)
        .select_related("invitee__user")
        .order_by("invitee__user__display_name", "invitee_id", "pk")
        if line.invitee.reply != Invitee.Reply.NO
    ]
    invitees = list(meeting.invitees.all())
    wanted = wanted_arrangements(invitees, *needs_of(invitees))
    have = {(line.invitee_id, line.key) for line in lines}
    declined = {i.pk for i in invitees if i.reply == Invitee.Reply.NO}
    changed = [k for k in wanted if k not in have and k[0] not in declined]
    open_lines = [line for line in lines if line.status == Arrangement.Status.REQUESTED]
    return {
        "lines": lines,
        "venue_warnings": venue_warnings(meeting, lines),
        "needs_changed": len(changed),
        "still_to_arrange": len(open_lines),
        "not_possible": sum(1 for line in lines if line.status == "not_possible"),
    }


def meeting_page(*, meeting: Meeting, invitee: Invitee | None, organiser: bool) -> dict:
    agenda = list(meeting.agenda.select_related("lead"))
    invitees = list(meeting.invitees.select_related("user").order_by("user__display_name"))
    replies = {value: 0 for value in Invitee.Reply.values}
    for person in invitees:
        replies[person.reply] += 1
    papers = papers_for_viewer(meeting=meeting, viewer=invitee.user if invitee else None)
    context = {
        "agenda": agenda,
        "agenda_check": check_agenda(agenda, meeting.duration_minutes),
        "invitees": invitees,
        "replies": replies,
        "places_left": (
            max(0, meeting.capacity - replies["yes"]) if meeting.capacity is not None else None
        ),
        "papers": papers,
        "late_papers": [p for p in papers if not p.sent_in_time],
        "unsent_papers": [p for p in papers if p.sent_at is None],
        "decisions": list(meeting.decisions.all()),
        "days_before": settings.PAPERS_DAYS_BEFORE,
    }
    if organiser:
        context["checklist"] = checklist(meeting=meeting)
        context["attendance"] = list(meeting.attendance.select_related("user"))
    if invitee is not None:
        context["my_arrangements"] = list(invitee.arrangements.all())
    return context


# --- Fair scheduling ---------------------------------------------------------------------------


def people_for_scheduling(
    *, host: Project | NetworkGroup, start: date, end: date
) -> list[scheduling.Person]:
    """The project's or group's current members as the scheduler sees them."""
    kinds = hosts.people_of(host)
    users = list(kinds)
    names = dict(User.objects.filter(pk__in=users).values_list("pk", "display_name"))
    slots: dict[int, set] = {}
    for user_id, weekday, part in AvailableSlot.objects.filter(user_id__in=users).values_list(
        "user_id", "weekday", "part_of_day"
    ):
        slots.setdefault(user_id, set()).add((weekday, part))
    away: dict[int, set] = {}
    for user_id, day in UnavailableDate.objects.filter(
        user_id__in=users, date__gte=start, date__lte=end
    ).values_list("user_id", "date"):
        away.setdefault(user_id, set()).add(day)
    return [
        scheduling.Person(
            name=names[user_id],
            expert_by_experience=kinds[user_id] == EXPERIENCE,
            available=frozenset(slots.get(user_id, ())),
            unavailable_dates=frozenset(away.get(user_id, ())),
        )
        for user_id in sorted(users, key=lambda pk: (names[pk], pk))
    ]


def past_starts(*, host: Project | NetworkGroup, before: date) -> list[datetime]:
    moment = timezone.make_aware(datetime.combine(before, time.min))
    return list(
        Meeting.objects.filter(_of(host), starts_at__lt=moment)
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)[: scheduling.RECENT_MEETINGS]
    )


def suggestions(*, host: Project | NetworkGroup, start: date, end: date, duration: int) -> dict:
    people = people_for_scheduling(host=host, start=start, end=end)
    return {
        "people": people,
        "suggestions": scheduling.suggest_slots(
            invitees=people,
            start=start,
            end=end,
            duration=duration,
            past_meetings=past_starts(host=host, before=start),
        ),
    }
