"""One function per message. Links use the configured site address (CFG-5); the only value
from the database in a header is the address; names and titles are cleaned of control
characters before they reach the subject (IO-7)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from copro.meetings.ics import meetings_calendar
from copro.meetings.models import Invitee, Paper


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text or "").split())


def _send(*, template: str, to: str, context: dict, attachments=()) -> None:
    context = {**context, "site_url": settings.SITE_URL, "service_name": settings.SERVICE_NAME}
    subject = _one_line(render_to_string(f"meetings/email/{template}_subject.txt", context))
    message = EmailMultiAlternatives(
        subject=subject[:150],
        body=render_to_string(f"meetings/email/{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(
        render_to_string(f"meetings/email/{template}.html", context), "text/html"
    )
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()


def _invitee(pk: int) -> Invitee | None:
    return (
        Invitee.objects.select_related(
            "user", "meeting__project", "meeting__group", "meeting__venue"
        )
        .filter(pk=pk)
        .first()
    )


def send_invitation(*, invitee_id: int) -> None:
    invitee = _invitee(invitee_id)
    if invitee is None or not invitee.user.email or not invitee.user.is_active:
        return
    meeting = invitee.meeting
    context = {
        "name": _one_line(invitee.user.display_name),
        "meeting": meeting,
        "title": _one_line(meeting.title),
        "project": _one_line(meeting.host_title),
        "url": settings.SITE_URL + meeting.get_absolute_url(),
        "starts": timezone.localtime(meeting.starts_at),
    }
    calendar = meetings_calendar([meeting], name=meeting.title)
    _send(
        template="invitation",
        to=invitee.user.email,
        context=context,
        attachments=[("meeting.ics", calendar, "text/calendar; method=PUBLISH; charset=utf-8")],
    )
    Invitee.objects.filter(pk=invitee.pk).update(emailed_at=timezone.now())


def send_place_free(*, invitee_id: int) -> None:
    """Someone on the waiting list has been given a place."""
    invitee = _invitee(invitee_id)
    if invitee is None or not invitee.user.email or not invitee.user.is_active:
        return
    if invitee.reply != Invitee.Reply.YES:  # changed again before this was sent
        return
    meeting = invitee.meeting
    context = {
        "name": _one_line(invitee.user.display_name),
        "meeting": meeting,
        "title": _one_line(meeting.title),
        "project": _one_line(meeting.host_title),
        "url": settings.SITE_URL + meeting.get_absolute_url(),
        "starts": timezone.localtime(meeting.starts_at),
    }
    _send(template="place_free", to=invitee.user.email, context=context)


def send_papers(*, invitee_id: int, paper_ids: list[int]) -> None:
    invitee = _invitee(invitee_id)
    if invitee is None or not invitee.user.email or not invitee.user.is_active:
        return
    meeting = invitee.meeting
    papers = list(Paper.objects.filter(pk__in=paper_ids, meeting=meeting))
    links = [
        (
            _one_line(p.title),
            settings.SITE_URL + meeting.url("paper_download", p.pk),
        )
        for p in papers
    ]
    context = {
        "name": _one_line(invitee.user.display_name),
        "meeting": meeting,
        "title": _one_line(meeting.title),
        "url": settings.SITE_URL + meeting.get_absolute_url(),
        "starts": timezone.localtime(meeting.starts_at),
        "links": links,
    }
    _send(template="papers", to=invitee.user.email, context=context)
