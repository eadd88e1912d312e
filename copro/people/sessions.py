"""Keeps a list of where each person is signed in, and ends sessions on request (AUTH-9)."""

import re

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.models import Session
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from copro.people.models import SignedInSession, User

_BROWSERS = [
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
_SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS", "Mac"),
    ("Linux", "Linux"),
]


def describe_device(user_agent: str) -> str:
    """A short, plain description ("Firefox on Windows"), not the whole user-agent string."""
    browser = next((name for token, name in _BROWSERS if token in user_agent), "A web browser")
    system = next((name for token, name in _SYSTEMS if re.search(token, user_agent)), "")
    return f"{browser} on {system}" if system else browser


@receiver(user_logged_in)
def _remember(sender, request, user, **kwargs):
    if request is None or not getattr(request, "session", None) or not request.session.session_key:
        return
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "device": describe_device(request.META.get("HTTP_USER_AGENT", ""))[:120],
        },
    )


@receiver(user_logged_out)
def _forget(sender, request, user, **kwargs):
    if request is not None and getattr(request, "session", None) and request.session.session_key:
        SignedInSession.objects.filter(session_key=request.session.session_key).delete()


def session_key_rotate(request) -> None:
    """A new session key when the session gains rights (passing the second step), so a key
    someone saw before cannot ride on them; the record of where the person is signed in moves
    with it."""
    old = request.session.session_key
    request.session.cycle_key()
    if old:
        SignedInSession.objects.filter(session_key=old).update(
            session_key=request.session.session_key
        )


def signed_in_session_list(*, user: User) -> list[SignedInSession]:
    """Sessions that are still live; rows for expired sessions are not shown."""
    live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
    return list(SignedInSession.objects.filter(user=user, session_key__in=live))


@transaction.atomic
def signed_in_session_end(*, user: User, pk: int, current_key: str) -> None:
    """End one of the person's own sessions; someone else's id raises DoesNotExist (a 404)."""
    record = SignedInSession.objects.get(user=user, pk=pk)
    if record.session_key == current_key:
        raise ValueError("Use 'Sign out' to end the session you are using now.")
    Session.objects.filter(session_key=record.session_key).delete()
    record.delete()


@transaction.atomic
def signed_in_session_end_others(*, user: User, current_key: str) -> int:
    others = SignedInSession.objects.filter(user=user).exclude(session_key=current_key)
    keys = list(others.values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    count, _ = others.delete()
    return count
