"""The world the authorisation crawl asks about: the demo council (every app adds to it, so new
routes find objects to point at), plus one citizen who owns something of every kind.

The owner, "citizen" in the crawl, is a demo citizen who belongs to a private project, is
invited to its meeting and has claims, expenses, rewards, recognition, credits, a quiz attempt,
an unavailable date and a supporter. "other_citizen", "staff" and "administrator" are fresh
accounts that own nothing and belong to nothing, so every id in a URL is someone else's.
"""

import datetime

from django.core.management import call_command

from copro.people.models import User
from tests.people.factories import UserFactory

MISSING = 999_999_999  # used only when the demo has no object of a kind (the crawl says so)


def _first(queryset):
    return queryset.order_by("pk").first()


def _owners_notification(owner):
    from copro.notifications.services import notify

    notify(recipients=[owner], kind="service_news", event_key="crawl:1", title="For the crawl")
    return owner.notifications.order_by("pk").first()


def build(out) -> dict:
    """Load the demo council and return {name: object or value} for filling URL parameters."""
    from copro.framework.models import LearnPage, NetworkGroup
    from copro.frontdoor.models import GetInvolvedRequest
    from copro.learning.models import QuizAttempt, TrainingSession
    from copro.meetings.models import (
        AgendaItem,
        Arrangement,
        Invitee,
        Meeting,
        Paper,
        PaperVersion,
        Venue,
    )
    from copro.people.models import Supporter, UnavailableDate
    from copro.projects.models import (
        Action,
        AdviceRequest,
        Contribution,
        Decision,
        JoinRequest,
        Membership,
        Project,
    )
    from copro.reciprocity.models import (
        Expense,
        ExportBatch,
        Offer,
        PaymentClaim,
        Recognition,
        Reward,
        Transaction,
    )

    call_command("demo", stdout=out)
    citizens = User.objects.filter(role=User.Role.CITIZEN)
    # The owner: a citizen invited to a meeting of a members-only project, preferring the
    # project with the most decisions and contributions (so those routes have an object).
    invitees = Invitee.objects.filter(user__in=citizens, meeting__project__isnull=False)
    private = invitees.filter(meeting__project__visibility=Project.Visibility.MEMBERS)
    candidates = list(private.select_related("meeting__project") or invitees)
    invitee = max(
        candidates,
        key=lambda i: (
            i.meeting.project.decisions.count() > 0,
            i.meeting.project.contributions.count() > 0,
            -i.pk,
        ),
    )
    owner = invitee.user
    meeting = invitee.meeting
    project = meeting.project
    membership = Membership.objects.filter(project=project, user=owner).first()
    if membership is None:
        membership = Membership.objects.create(
            project=project,
            user=owner,
            kind="experience",
            role="member",
            joined_on=datetime.date(2026, 1, 1),
        )
    action = _first(Action.objects.filter(project=project)) or Action.objects.create(
        project=project, title="Book the hall", owner=owner
    )
    decision = _first(Decision.objects.filter(project=project))
    if decision is None:
        from copro.projects import services as project_services

        lead = Membership.objects.filter(project=project, role="lead").first()
        decision = project_services.decision_propose(
            project=project,
            title="Where to meet",
            proposal="Meet at the library.",
            method="consent",
            options=[],
            review_on=None,
            by=lead.user if lead else owner,
        )
    group_meeting = _first(Meeting.objects.filter(group__isnull=False))
    unavailable = UnavailableDate.objects.create(user=owner, date=datetime.date(2030, 1, 2))
    helper = UserFactory(display_name="Hal (helps)")
    supporter = Supporter.objects.create(person=owner, supporter=helper, relationship="son")
    group = _first(NetworkGroup.objects.filter(memberships__user=owner)) or _first(
        NetworkGroup.objects.all()
    )
    world = {
        "owner": owner,
        "other_citizen": UserFactory(display_name="Olu (outsider)"),
        "staff": UserFactory(display_name="Stef (staff)", role="staff"),
        "administrator": UserFactory(
            display_name="Ade (administrator)",
            role="administrator",
            is_staff=True,
            is_superuser=True,
        ),
        "user": owner.pk,
        "project": project.pk,
        "membership": membership.pk,
        "decision": decision,
        "contribution": _first(Contribution.objects.filter(project=project)),
        "action": action.pk,
        "advice": _first(AdviceRequest.objects.all()),
        "meeting": meeting.pk,
        # A network group's meeting, for the group meeting pages.
        "network_group": group_meeting.group_id if group_meeting else MISSING,
        "group_meeting": group_meeting,
        "agenda_item": _first(AgendaItem.objects.filter(meeting=meeting)),
        "arrangement": _first(Arrangement.objects.filter(meeting=meeting)),
        "paper": _first(Paper.objects.filter(meeting=meeting)),
        # The paper above and one of its versions (demo papers have an Easy Read version).
        "paper_version": _first(
            PaperVersion.objects.filter(paper=_first(Paper.objects.filter(meeting=meeting)))
        ),
        "venue": _first(Venue.objects.all()),
        "offer": _first(Offer.objects.all()),
        "expense": _first(Expense.objects.filter(person=owner)) or _first(Expense.objects.all()),
        "recognition": _first(Recognition.objects.filter(person=owner))
        or _first(Recognition.objects.all()),
        "claim": _first(PaymentClaim.objects.filter(claimant=owner))
        or _first(PaymentClaim.objects.all()),
        "export": _first(ExportBatch.objects.all()),
        "reward": _first(Reward.objects.filter(person=owner)) or _first(Reward.objects.all()),
        "transaction": _first(Transaction.objects.filter(entries__account__person=owner))
        or _first(Transaction.objects.all()),
        "session": _first(TrainingSession.objects.all()),
        "attempt": _first(QuizAttempt.objects.filter(person=owner))
        or _first(QuizAttempt.objects.all()),
        "unavailable_date": unavailable.pk,
        "supporter": supporter.pk,
        "group": group.slug if group else "no-such-group",
        "learn_page": _first(LearnPage.objects.all()).slug,
        "join_request": _first(JoinRequest.objects.all()),
        "get_involved_request": _first(GetInvolvedRequest.objects.all()),
        "easy_read_page": "what-is-co-production",
        # The owner's membership is the record the voice API's {kind}/{record_id} names.
        "record_kind": "membership",
        "token": "not-a-real-token",
        "uidb64": "MQ",
        "notification": _owners_notification(owner),
    }
    world.update(_between_meetings(owner, project))
    for key, value in list(world.items()):
        if hasattr(value, "pk") and not isinstance(value, User):
            world[key] = value.pk
        elif value is None:
            world[key] = MISSING
    return world


def _between_meetings(owner, project) -> dict:
    """A conversation, a post, polls and a safeguarding concern, all the owner's."""
    from django.utils import timezone

    from copro.conversations import services as conversations
    from copro.safeguarding import services as safeguarding

    thread = conversations.thread_start(
        project=project, title="Between meetings", body="What do you think?", by=owner
    )
    soon = timezone.now() + datetime.timedelta(days=7)
    return {
        "thread": thread,
        "thread_post": thread.posts.first(),
        "poll": conversations.poll_open(
            project=project,
            question="Tea or coffee?",
            options=["Tea", "Coffee"],
            closes_at=soon,
            by=owner,
        ),
        "time_poll": conversations.poll_open(
            project=project,
            question="Next meeting",
            times=[soon + datetime.timedelta(days=3)],
            closes_at=soon,
            by=owner,
        ),
        "concern": safeguarding.concern_raise(about="", what="A worry.", by=owner),
    }
