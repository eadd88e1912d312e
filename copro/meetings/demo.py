"""Demo meetings for the four demo projects, with venues and varied access arrangements.

- Short breaks for carers: meetings moving around the week, papers in time, needs arranged.
- Bus stops everyone can use: a hybrid meeting coming up at a venue with steps, while a member
  needs step-free access (the blocking warning), and a mix of arrangements.
- Library opening hours: always Tuesday mornings at County Hall, papers late, needs not met -
  the spread warning and poor evidence of a consultation calling itself co-production.
- Day services review: early days, one meeting held and one online meeting coming up.
- An open afternoon for carers with a limit on places, one kept for experts by experience,
  and a waiting list.

Dates are set from the day the demo is first loaded; loading again changes nothing."""

import hashlib
import uuid
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db.models import Q
from django.utils import timezone

from copro.framework.models import NetworkGroup
from copro.meetings.files import plain_english
from copro.meetings.hosts import people_of
from copro.meetings.models import (
    Arrangement,
    Attendance,
    Invitee,
    Meeting,
    Paper,
    PaperVersion,
    Venue,
)
from copro.meetings.services import PAPERS_FOLDER, arrangements_sync
from copro.projects.models import Membership, Project

F = Venue.Feature

VENUES = [
    (
        "County Hall, Committee Room 2",
        "County Hall\nNew Road\nDemo Town\nDT1 1ND",
        "Buses 4 and 35 stop outside. Use the main entrance on New Road: there is a lift to the "
        "first floor. Blue Badge parking is behind the building.",
        [F.STEP_FREE, F.ACCESSIBLE_TOILET, F.HEARING_LOOP, F.PARKING, F.PUBLIC_TRANSPORT],
    ),
    (
        "Banbury Community Centre",
        "Station Road\nBanbury\nOX16 5AB",
        "Five minutes' walk from the station, all on the level. Free parking on site. A quiet "
        "room is on the left as you come in.",
        [
            F.STEP_FREE,
            F.ACCESSIBLE_TOILET,
            F.CHANGING_PLACES,
            F.PARKING,
            F.PUBLIC_TRANSPORT,
            F.QUIET_ROOM,
            F.GOOD_LIGHTING,
        ],
    ),
    (
        "The Old Library, Witney",
        "Market Square\nWitney\nOX28 6AG",
        "In the market square, by the bus stops. There are six steps up to the door and no lift.",
        [F.PUBLIC_TRANSPORT, F.HEARING_LOOP],
    ),
]

P = Meeting.Purpose


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    """A time `days` from today (negative: in the past), on the council's clock."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _next(weekday: int, weeks: int, hour: int, minute: int = 0) -> datetime:
    """The given weekday, `weeks` weeks from this one (negative: in the past)."""
    today = timezone.localdate()
    days = (weekday - today.weekday()) + 7 * weeks
    return _at(days, hour, minute)


# title, starts, minutes, purpose, venue index or None (online), hybrid, agenda,
# arrangement status for every line, papers (title, days before sent or None), attended share
SHORT_BREAKS = [
    (
        "Getting started: what matters to carers",
        _next(0, -30, 10),
        120,
        P.DESIGN,
        1,
        False,
        "confirmed",
        [("Welcome and ground rules", -15)],
        1.0,
    ),
    (
        "Booking breaks at short notice",
        _next(2, -24, 18, 30),
        90,
        P.DESIGN,
        1,
        False,
        "confirmed",
        [("Ideas from the first meeting", -10)],
        1.0,
    ),
    (
        "Trying out the new booking line",
        _next(5, -16, 10),
        120,
        P.DECIDE,
        1,
        False,
        "confirmed",
        [("How the trial went", -9)],
        0.8,
    ),
    (
        "What we learned, and what next",
        _next(3, -6, 14),
        90,
        P.DECIDE,
        0,
        True,
        "booked",
        [("Evaluation plan", -8)],
        1.0,
    ),
    (
        "Sharing the results",
        _next(1, 3, 18, 30),
        90,
        P.DECIDE,
        1,
        True,
        "booked",
        [("Draft report", None)],
        None,
    ),
]
BUS_STOPS = [
    (
        "Walking the routes together",
        _next(5, -20, 10),
        150,
        P.DESIGN,
        1,
        False,
        "confirmed",
        [],
        1.0,
    ),
    (
        "Designs for the new stops",
        _next(1, -8, 18),
        90,
        P.DESIGN,
        0,
        True,
        "booked",
        [("Three designs", -7)],
        0.67,
    ),
    (
        "Choosing the seats and shelters",
        _next(3, 2, 14),
        90,
        P.DECIDE,
        2,
        True,
        "requested",
        [("Seat and shelter options", None)],
        None,
    ),
]
LIBRARY = [
    (
        "Library hours: the council's proposal",
        _next(1, -20, 10),
        60,
        P.INFORM,
        0,
        False,
        "requested",
        [("Proposed opening hours", -2)],
        0.5,
    ),
    (
        "Views on the proposal",
        _next(1, -14, 10),
        60,
        P.CONSULT,
        0,
        False,
        "not_possible",
        [("Survey results", -1)],
        0.5,
    ),
    (
        "Views on the changes",
        _next(1, -8, 10),
        60,
        P.CONSULT,
        0,
        False,
        "requested",
        [("Revised hours", -3)],
        0.5,
    ),
    (
        "Final hours explained",
        _next(1, -3, 10),
        60,
        P.INFORM,
        0,
        False,
        "requested",
        [("Final hours", -1)],
        0.5,
    ),
    (
        "Checking the new hours after three months",
        _next(1, 4, 10),
        60,
        P.INFORM,
        0,
        False,
        "requested",
        [("How the new hours are going", None)],
        None,
    ),
]
DAY_SERVICES = [
    (
        "What day services mean to you",
        _next(4, -2, 14),
        90,
        P.ENGAGE,
        1,
        False,
        "confirmed",
        [("Questions to talk about", -9)],
        1.0,
    ),
    ("What we heard so far", _next(0, 2, 18, 30), 60, P.ENGAGE, None, False, "requested", [], None),
]
PLANS = {
    "Short breaks for carers": SHORT_BREAKS,
    "Bus stops everyone can use": BUS_STOPS,
    "Library opening hours": LIBRARY,
    "Day services review": DAY_SERVICES,
}


def _venues() -> list[Venue]:
    result = []
    for name, address, how, features in VENUES:
        venue, _ = Venue.objects.get_or_create(
            name=name,
            defaults={"address": address, "how_to_get_there": how, "features": sorted(features)},
        )
        result.append(venue)
    return result


def _format(venue, hybrid: bool) -> str:
    if venue is None:
        return Meeting.Format.ONLINE
    return Meeting.Format.HYBRID if hybrid else Meeting.Format.IN_PERSON


def _meeting(project: Project, venues: list[Venue], plan) -> None:
    title, starts, minutes, purpose, venue, hybrid, status, papers, attended = plan
    if Meeting.objects.filter(project=project, title=title).exists():
        return
    fmt = _format(venue, hybrid)
    meeting = Meeting.objects.create(
        project=project,
        title=title,
        starts_at=starts,
        duration_minutes=minutes,
        format=fmt,
        venue=None if venue is None else venues[venue],
        online_link="" if fmt == Meeting.Format.IN_PERSON else "https://meet.example.org/demo",
        purpose=purpose,
    )
    _agenda(meeting)
    invitees = _invite(meeting, attended)
    arrangements_sync(meeting=meeting)
    provided = starts - timedelta(days=3) if status in Arrangement.PROVIDED else None
    Arrangement.objects.filter(meeting=meeting).update(status=status, provided_at=provided)
    for paper_title, days_before in papers:
        paper = _paper(meeting, paper_title, days_before)
        if status in Arrangement.PROVIDED:  # the well-run projects have Easy Read too
            _easy_read(paper)
    if attended is not None:
        _attendance(meeting, invitees, attended)


def _agenda(meeting: Meeting) -> None:
    items = [("Welcome, and how we will work today", 10), ("The main discussion", 45)]
    if meeting.duration_minutes > 90:
        items += [("Break", 15), ("Small groups", 30)]
    items += [("What happens next", 15)]
    for order, (title, minutes) in enumerate(items, start=1):
        meeting.agenda.create(title=title, minutes=minutes, order=order)


def _invite(meeting: Meeting, attended) -> list[Invitee]:
    members = Membership.objects.filter(project=meeting.project, left_on__isnull=True)
    replies = [Invitee.Reply.YES, Invitee.Reply.YES, Invitee.Reply.MAYBE, Invitee.Reply.WAITING]
    invitees = []
    for n, member in enumerate(members.order_by("pk")):
        reply = Invitee.Reply.YES if attended is not None else replies[n % len(replies)]
        invitees.append(
            Invitee.objects.create(
                meeting=meeting,
                user=member.user,
                kind=member.kind,
                reply=reply,
                replied_at=meeting.starts_at - timedelta(days=10),
                emailed_at=meeting.starts_at - timedelta(days=14),
            )
        )
    return invitees


def _paper(meeting: Meeting, title: str, sent_offset_days) -> Paper:
    """A short text paper, sent `sent_offset_days` from the meeting (negative: before it)."""
    text = f"{title}\n\nThis is a short demo paper for the meeting \u201c{meeting.title}\u201d.\n"
    data = text.encode()
    level, reason, findings = plain_english(text)
    stored = storages["default"].save(f"{PAPERS_FOLDER}/{uuid.uuid4().hex}", ContentFile(data))
    return Paper.objects.create(
        meeting=meeting,
        title=title,
        original_name=f"{title}.txt",
        stored_name=stored,
        kind=Paper.Kind.TXT,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        plain_english_level=level,
        plain_english_reason=reason,
        plain_english_findings=findings,
        sent_at=None
        if sent_offset_days is None
        else meeting.starts_at + timedelta(days=sent_offset_days),
    )


def _easy_read(paper: Paper) -> None:
    """An Easy Read version, there a week before the meeting (issue 19: papers in every
    format asked for). Large print is left for the organiser to make from the checklist."""
    text = f"{paper.title}.\n\nThis is the Easy Read version.\n\nWe will meet to talk about it.\n"
    data = text.encode()
    stored = storages["default"].save(f"{PAPERS_FOLDER}/{uuid.uuid4().hex}", ContentFile(data))
    version = PaperVersion.objects.create(
        paper=paper,
        format=PaperVersion.Format.EASY_READ,
        original_name=f"{paper.title} (Easy Read).txt",
        stored_name=stored,
        kind=Paper.Kind.TXT,
        size=len(data),
    )
    PaperVersion.objects.filter(pk=version.pk).update(
        created_at=paper.meeting.starts_at - timedelta(days=7)
    )


def _attendance(meeting: Meeting, invitees: list[Invitee], share: float) -> None:
    coming = round(len(invitees) * share)
    for n, invitee in enumerate(invitees):
        came = n < coming
        Attendance.objects.create(
            meeting=meeting,
            user=invitee.user,
            kind=invitee.kind,
            status=Attendance.Status.ATTENDED if came else Attendance.Status.APOLOGIES,
            minutes=meeting.duration_minutes if came else None,
            recorded_at=meeting.ends_at,
        )


OPEN_EVENT = "Open afternoon for carers"


def _open_event(venues: list[Venue]) -> bool:
    """A meeting with a limit, a place kept for experts by experience, and a waiting list."""
    project = Project.objects.filter(title="Short breaks for carers").first()
    if project is None or Meeting.objects.filter(project=project, title=OPEN_EVENT).exists():
        return False
    members = list(Membership.objects.filter(project=project, left_on__isnull=True).order_by("pk"))
    capacity = max(1, len(members) - 1)  # one person more than the places: a waiting list
    meeting = Meeting.objects.create(
        project=project,
        title=OPEN_EVENT,
        starts_at=_next(3, 3, 14),
        duration_minutes=120,
        format=Meeting.Format.IN_PERSON,
        venue=venues[1],
        purpose=P.ENGAGE,
        capacity=capacity,
        reserved_places=1 if capacity > 1 else 0,
        open_to_all=True,
    )
    _agenda(meeting)
    for n, member in enumerate(members):
        Invitee.objects.create(
            meeting=meeting,
            user=member.user,
            kind=member.kind,
            reply=Invitee.Reply.YES if n < capacity else Invitee.Reply.WAITING_LIST,
            replied_at=timezone.now() - timedelta(days=len(members) - n),
            emailed_at=timezone.now() - timedelta(days=len(members) + 1),
        )
    arrangements_sync(meeting=meeting)
    return True


# The network's groups meet too: (group slug, title, starts, minutes, purpose, venue index or
# None for online, hybrid, open to all, capacity, share who came or None if still to come).
GROUP_PLANS = [
    (
        "advisory-board",
        "Advisory Board: spring review",
        _next(2, -9, 14),
        120,
        P.DECIDE,
        0,
        True,
        False,
        None,
        0.75,
    ),
    (
        "advisory-board",
        "Advisory Board: summer review",
        _next(2, 4, 14),
        120,
        P.DECIDE,
        0,
        True,
        False,
        None,
        None,
    ),
    (
        "ambassadors-network",
        "Meet the ambassadors: a drop-in",
        _next(5, 2, 11),
        90,
        P.INFORM,
        1,
        False,
        True,
        12,
        None,
    ),
    (
        "community-of-practice",
        "Community of Practice: sharing what worked",
        _next(1, 6, 18),
        60,
        P.DESIGN,
        None,
        False,
        False,
        None,
        None,
    ),
]


def _group_meeting(venues: list[Venue], plan) -> bool:
    slug, title, starts, minutes, purpose, venue, hybrid, open_to_all, capacity, came = plan
    group = NetworkGroup.objects.filter(slug=slug).first()
    if group is None or Meeting.objects.filter(group=group, title=title).exists():
        return False
    fmt = _format(venue, hybrid)
    meeting = Meeting.objects.create(
        group=group,
        title=title,
        starts_at=starts,
        duration_minutes=minutes,
        format=fmt,
        venue=None if venue is None else venues[venue],
        online_link="" if fmt == Meeting.Format.IN_PERSON else "https://meet.example.org/demo",
        purpose=purpose,
        open_to_all=open_to_all,
        capacity=capacity,
    )
    _agenda(meeting)
    kinds = people_of(group)
    invitees = [
        Invitee.objects.create(
            meeting=meeting,
            user_id=user_id,
            kind=kind,
            reply=Invitee.Reply.YES,
            replied_at=starts - timedelta(days=10),
            emailed_at=starts - timedelta(days=14),
        )
        for user_id, kind in sorted(kinds.items())
    ]
    arrangements_sync(meeting=meeting)
    if came is not None:
        Arrangement.objects.filter(meeting=meeting).update(
            status=Arrangement.Status.CONFIRMED, provided_at=starts - timedelta(days=2)
        )
        _paper(meeting, "Notes of the last meeting", -9)
        _attendance(meeting, invitees, came)
    return True


def load(*, out) -> None:
    venues = _venues()
    for title, plans in PLANS.items():
        project = Project.objects.filter(title=title).first()
        if project is None:
            continue
        for plan in plans:
            _meeting(project, venues, plan)
    _open_event(venues)
    for plan in GROUP_PLANS:
        _group_meeting(venues, plan)
    # Counted from the database, so a second run reports what is there, as the first did; only
    # this app's meetings, since demos loaded later (the evidence projects) add their own.
    count = Meeting.objects.filter(
        Q(project__title__in=list(PLANS))
        | Q(title=OPEN_EVENT)
        | Q(group__isnull=False, title__in=[plan[1] for plan in GROUP_PLANS])
    ).count()
    out.write(f"  Meetings: {len(venues)} places and {count} meetings, past and coming up.")
