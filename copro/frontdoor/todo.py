"""Providers for "What's next for you" (copro.core.todo), registered in FrontdoorConfig.ready().

Each provider costs one query (two for staff-only ones that count across projects), whatever
the data size; none loads more than a handful of rows. A provider never shows someone else's
records: everything is filtered by the person, or by the projects they run.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from copro.core import todo
from copro.core.todo import TodoItem
from copro.frontdoor.models import GetInvolvedRequest, WelcomeSkip
from copro.learning.models import Booking
from copro.meetings.models import Arrangement, Invitee, Paper
from copro.people.models import User
from copro.people.models.profile import AccessNeed, AvailableSlot
from copro.projects.models import Contribution, Decision, JoinRequest, Membership, Position
from copro.reciprocity.models import PaymentClaim
from copro.reciprocity.selectors import person_balance

SHOW = 5  # items of one kind, at most: the page is a to-do list, not a report
PAPERS_DAYS = 14  # papers for meetings in the next two weeks
ANSWERS_DAYS = 30  # answers to your ideas from the last month


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _meeting_url(host_project, host_group, meeting_pk: int, name: str) -> str:
    if host_group:
        return reverse(f"meetings:group_{name}", args=[host_group, meeting_pk])
    return reverse(f"meetings:{name}", args=[host_project, meeting_pk])


# --- For everyone ------------------------------------------------------------------------------


def decisions_waiting(user) -> list[TodoItem]:
    """Open decisions in my current projects where I have not given a view (1 query)."""
    mine = Position.objects.filter(decision=OuterRef("pk"), user=user)
    rows = (
        Decision.objects.filter(
            status=Decision.Status.OPEN,
            project__memberships__user=user,
            project__memberships__left_on__isnull=True,
        )
        .exclude(Exists(mine))
        .order_by("created_at")
        .values("pk", "title", "project_id", "project__title")[:SHOW]
    )
    return [
        TodoItem(
            title=f"Give your view on \u2018{row['title']}\u2019",
            url=reverse("projects:decision", args=[row["project_id"], row["pk"]]),
            detail=row["project__title"],
            priority=10,
            group="decisions",
        )
        for row in rows
    ]


def invitations_to_answer(user) -> list[TodoItem]:
    """Meetings I am invited to and have not answered (1 query)."""
    rows = (
        Invitee.objects.filter(
            user=user, reply=Invitee.Reply.WAITING, meeting__starts_at__gte=timezone.now()
        )
        .order_by("meeting__starts_at")
        .values(
            "meeting_id",
            "meeting__title",
            "meeting__starts_at",
            "meeting__project_id",
            "meeting__group_id",
        )[:SHOW]
    )
    return [
        TodoItem(
            title=f"Say whether you can come to \u2018{row['meeting__title']}\u2019",
            url=_meeting_url(
                row["meeting__project_id"], row["meeting__group_id"], row["meeting_id"], "detail"
            ),
            due=row["meeting__starts_at"],
            detail=f"On {timezone.localtime(row['meeting__starts_at']):%-d %B %Y}",
            priority=20,
            group="meetings",
        )
        for row in rows
    ]


def papers_to_read(user) -> list[TodoItem]:
    """Papers for meetings in the next two weeks that I said I will (or may) come to (1 query)."""
    now = timezone.now()
    rows = (
        Paper.objects.filter(
            meeting__starts_at__gte=now,
            meeting__starts_at__lte=now + datetime.timedelta(days=PAPERS_DAYS),
            meeting__invitees__user=user,
            meeting__invitees__reply__in=[Invitee.Reply.YES, Invitee.Reply.MAYBE],
        )
        .values(
            "meeting_id",
            "meeting__title",
            "meeting__starts_at",
            "meeting__project_id",
            "meeting__group_id",
        )
        .annotate(papers=Count("pk"))
        .order_by("meeting__starts_at")[:SHOW]
    )
    return [
        TodoItem(
            title=f"Read the papers for \u2018{row['meeting__title']}\u2019",
            url=_meeting_url(
                row["meeting__project_id"], row["meeting__group_id"], row["meeting_id"], "papers"
            ),
            due=row["meeting__starts_at"] - datetime.timedelta(days=1),
            detail=_plural(row["papers"], "paper"),
            priority=30,
            group="meetings",
        )
        for row in rows
    ]


def answers_to_my_ideas(user) -> list[TodoItem]:
    """Answers to my ideas in the last month (1 query)."""
    since = timezone.now() - datetime.timedelta(days=ANSWERS_DAYS)
    rows = (
        Contribution.objects.filter(raised_by=user, responded_at__gte=since)
        .order_by("-responded_at")
        .values("pk", "project_id", "project__title", "responded_at")[:SHOW]
    )
    return [
        TodoItem(
            title=f"Read the answer to your idea in {row['project__title']}",
            url=reverse("projects:you_said", args=[row["project_id"]]),
            detail=f"Answered on {timezone.localtime(row['responded_at']):%-d %B %Y}",
            priority=40,
            group="ideas",
        )
        for row in rows
    ]


def training_booked(user) -> list[TodoItem]:
    """Training sessions I have a place on, from today (1 query)."""
    today = timezone.localdate()
    rows = (
        Booking.objects.filter(person=user, status=Booking.Status.BOOKED, session__date__gte=today)
        .order_by("session__date", "session__starts_at")
        .values("session_id", "session__date", "session__starts_at", "session__level__name")[:SHOW]
    )
    items = []
    for row in rows:
        starts = datetime.datetime.combine(row["session__date"], row["session__starts_at"])
        items.append(
            TodoItem(
                title=f"Go to your training: {row['session__level__name']}",
                url=reverse("learning:session", args=[row["session_id"]]),
                due=timezone.make_aware(starts),
                detail=f"On {starts:%-d %B %Y at %H:%M}",
                priority=50,
                group="learning",
            )
        )
    return items


def credits_to_spend(user) -> list[TodoItem]:
    """Time credits waiting to be spent (1 query)."""
    balance = person_balance(person=user)
    if balance <= 0:
        return []
    return [
        TodoItem(
            title=f"You have {_plural(balance, 'time credit')} to spend",
            url=reverse("reciprocity:offers"),
            detail="See what you can spend them on",
            priority=70,
            group="money",
        )
    ]


# --- For staff, and for whoever runs a project ---------------------------------------------


def _led_projects(user):
    """The projects I run, as a subquery (administrators: every project)."""
    led = Membership.objects.filter(user=user, role=Membership.Role.LEAD, left_on__isnull=True)
    return led.values("project_id")


def _in_my_projects(user, field: str = "project_id") -> Q:
    if user.role == User.Role.ADMINISTRATOR:
        return Q()
    return Q(**{f"{field}__in": _led_projects(user)})


def ideas_waiting(user) -> list[TodoItem]:
    """Ideas in the projects I run waiting for an answer, oldest first (1 query)."""
    today = timezone.localdate()
    rows = (
        Contribution.objects.filter(_in_my_projects(user), status=Contribution.Status.WAITING)
        .order_by("raised_at", "pk")
        .values("pk", "project_id", "project__title", "raised_at")[:SHOW]
    )
    items = []
    for row in rows:
        days = (today - timezone.localdate(row["raised_at"])).days
        items.append(
            TodoItem(
                title=f"Answer an idea in {row['project__title']}",
                url=reverse("projects:respond", args=[row["project_id"], row["pk"]]),
                detail=f"Waiting {_plural(days, 'day')}",
                # The longer it waits, the higher it goes among the undated items.
                priority=max(1, 45 - days),
                group="ideas",
            )
        )
    return items


def join_requests_waiting(user) -> list[TodoItem]:
    """Requests to join the projects I run, one line per project (1 query)."""
    rows = (
        JoinRequest.objects.filter(_in_my_projects(user), status=JoinRequest.Status.WAITING)
        .values("project_id", "project__title")
        .annotate(waiting=Count("pk"), oldest=Min("asked_at"))
        .order_by("oldest")[:SHOW]
    )
    return [
        TodoItem(
            title=f"Answer {_plural(row['waiting'], 'request')} to join {row['project__title']}",
            url=reverse("projects:join_requests", args=[row["project_id"]]),
            detail=f"Waiting since {timezone.localtime(row['oldest']):%-d %B %Y}",
            priority=25,
            group="people",
        )
        for row in rows
    ]


def claims_to_approve(user) -> list[TodoItem]:
    """Payment claims waiting for approval that this person may approve (AZ-10) (1 query)."""
    if not user.is_council_staff:
        return []
    count = (
        PaymentClaim.objects.filter(status=PaymentClaim.Status.SUBMITTED)
        .exclude(Q(claimant=user) | Q(created_by=user))
        .count()
    )
    if not count:
        return []
    return [
        TodoItem(
            title=f"Approve {_plural(count, 'payment claim')}",
            url=reverse("reciprocity:claims"),
            detail="People are waiting to be paid",
            priority=15,
            group="money",
        )
    ]


def get_involved_waiting(user) -> list[TodoItem]:
    """People who asked to get involved and are waiting for a welcome (1 query)."""
    if not user.is_council_staff:
        return []
    oldest = GetInvolvedRequest.objects.filter(
        status__in=GetInvolvedRequest.OPEN_STATUSES
    ).aggregate(n=Count("pk"), since=Min("received_at"))
    if not oldest["n"]:
        return []
    return [
        TodoItem(
            title=f"Welcome {_plural(oldest['n'], 'person')} who asked to get involved".replace(
                "persons", "people"
            ),
            url=reverse("frontdoor:queue"),
            detail=f"Waiting since {timezone.localtime(oldest['since']):%-d %B %Y}",
            priority=12,
            group="people",
        )
    ]


def arrangements_missing(user) -> list[TodoItem]:
    """Coming meetings of the projects I run with access arrangements not yet made (1 query)."""
    if not (user.is_council_staff or user.role == User.Role.ADMINISTRATOR):
        return []
    rows = (
        Arrangement.objects.filter(
            _in_my_projects(user, "meeting__project_id"),
            status=Arrangement.Status.REQUESTED,
            meeting__starts_at__gte=timezone.now(),
        )
        .values(
            "meeting_id",
            "meeting__title",
            "meeting__starts_at",
            "meeting__project_id",
            "meeting__group_id",
        )
        .annotate(missing=Count("pk"))
        .order_by("meeting__starts_at")[:SHOW]
    )
    return [
        TodoItem(
            title=f"Arrange access for \u2018{row['meeting__title']}\u2019",
            url=_meeting_url(
                row["meeting__project_id"], row["meeting__group_id"], row["meeting_id"], "access"
            ),
            due=row["meeting__starts_at"] - datetime.timedelta(days=7),
            detail=f"{_plural(row['missing'], 'arrangement')} not made yet",
            priority=20,
            group="meetings",
        )
        for row in rows
    ]


# --- A first visit ---------------------------------------------------------------------------


def guided_start(user) -> list[TodoItem]:
    """The short guided start for someone new: the profile pages they have not filled in yet,
    until they skip it (1 query). Empty once all four are done or it was skipped. The home page
    shows these apart from the rest, as "Get started", with a button to skip."""
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            skipped=Exists(WelcomeSkip.objects.filter(user=OuterRef("pk"))),
            has_needs=Exists(AccessNeed.objects.filter(user=OuterRef("pk"))),
            has_slots=Exists(AvailableSlot.objects.filter(user=OuterRef("pk"))),
        )
        .values(
            "skipped",
            "has_needs",
            "has_slots",
            "profile__what_i_bring",
            "profile__access_needs_other",
            "profile__updated_by",
        )
        .first()
    )
    if row is None or row["skipped"]:
        return []
    steps = [
        (_("What I bring"), "accounts:profile", bool(row["profile__what_i_bring"])),
        # Saving the contact page once (or anyone saving the profile) counts as done.
        (_("How to contact me"), "accounts:communication", row["profile__updated_by"] is not None),
        (
            _("What I need to take part"),
            "accounts:communication",
            row["has_needs"] or bool(row["profile__access_needs_other"]),
        ),
        (_("When I can take part"), "accounts:availability", row["has_slots"]),
    ]
    return [
        TodoItem(title=title, url=reverse(name), priority=n, group=todo.START)
        for n, (title, name, done) in enumerate(steps)
        if not done
    ]


PROVIDERS = [
    guided_start,
    decisions_waiting,
    invitations_to_answer,
    papers_to_read,
    answers_to_my_ideas,
    training_booked,
    credits_to_spend,
    ideas_waiting,
    join_requests_waiting,
    claims_to_approve,
    get_involved_waiting,
    arrangements_missing,
]


def register_all() -> None:
    for provider in PROVIDERS:
        todo.register(provider)
