"""Demo for the members' own word, built through the services as staff and citizens would:

- Library opening hours: Jo (the lead) typed in views and an idea for Asha and Tom from phone
  calls and paper. Asha (the demo citizen) has records waiting for her word and an answer to
  her idea to judge; Tom has said two records are not right, so Jo sees them listed.
- Short breaks for carers: check-ins from six carers (enough to show, added up) and two
  outcomes with measures before and after.
Runs once (skipped when the outcomes are there)."""

import datetime

from django.utils import timezone

from copro.people.models import User
from copro.projects import services as project_services
from copro.projects.models import Membership, Project
from copro.voice import permissions as perms
from copro.voice import services
from copro.voice.models import CheckIn, Outcome

YES = dict.fromkeys(("heard", "could_change", "equal", "could_get_there", "got_back"), "yes")


def _member(project, email) -> Membership | None:
    return (
        Membership.objects.filter(project=project, user__email=email, left_on__isnull=True)
        .select_related("user", "project")
        .first()
    )


def _library(project: Project) -> None:
    jo, asha, tom = (
        _member(project, f"{name}@demo.example") for name in ("jo", "asha.citizen", "tom")
    )
    if None in (jo, asha, tom):
        return
    decision = project_services.decision_propose(
        project=project,
        title="Where to hold the next drop-in",
        proposal="Hold the next drop-in at the central library on a Saturday morning.",
        method="consent",
        options=[],
        review_on=None,
        by=jo.user,
    )
    for member in (asha, tom):
        project_services.position_record(
            decision=decision, member=member, by=jo.user, stance="agree", how="by phone"
        )
    project_services.contribution_raise(
        project=project,
        member=asha,
        kind="suggestion",
        text="Put the new opening hours on the noticeboard in large print.",
        by=jo.user,
        how="on paper",
    )
    tom_idea = project_services.contribution_raise(
        project=project,
        member=tom,
        kind="idea",
        text="Close the library on Saturdays.",
        by=jo.user,
        how="by phone",
    )
    position = decision.positions.get(user=tom.user)
    for kind, record, reason in (
        ("position", position, "I did not agree. I said Saturday is hard for me."),
        ("idea", tom_idea, "I said open on Saturdays, not close."),
    ):
        item = perms.record_get_for_person(viewer=tom.user, kind=kind, pk=record.pk)
        services.record_contest(item=item, reason=reason, by=tom.user)
    answers = {**YES, "could_change": "no", "got_back": "partly"}
    for member in (asha, tom):
        services.checkin_submit(membership=member, answers=answers, by=member.user)


def _short_breaks(project: Project) -> None:
    lead = Membership.objects.filter(project=project, role="lead").select_related("user").first()
    if lead is None:
        return
    experts = list(
        Membership.objects.filter(project=project, kind="experience", left_on__isnull=True)
    )
    extra = (
        User.objects.filter(role=User.Role.CITIZEN, is_active=True)
        .exclude(project_memberships__project=project)
        .order_by("pk")[: max(0, 6 - len(experts))]
    )
    for person in extra:
        experts.append(
            project_services.member_add(
                project=project,
                user=person,
                kind="experience",
                role="member",
                joined_on=timezone.localdate(),
                by=person,
            )
        )
    for n, member in enumerate(experts):
        answers = {**YES, "got_back": "partly"} if n % 3 == 0 else YES
        if not CheckIn.objects.filter(person=member.user, project=project).exists():
            services.checkin_submit(membership=member, answers=answers, by=member.user)
    for aim, measure, before, after in (
        (
            "Carers get a break when they need one",
            "Carers waiting more than 4 weeks for a break",
            "38 of 120",
            "9 of 131",
        ),
        ("Breaks that suit the carer", "Carers who say the break suited them", "45%", "78%"),
    ):
        outcome = services.outcome_add(project=project, aim=aim, measure=measure, by=lead.user)
        services.outcome_measure_add(
            outcome=outcome,
            when="before",
            value=before,
            measured_on=datetime.date(2025, 9, 1),
            by=lead.user,
        )
        services.outcome_measure_add(
            outcome=outcome,
            when="after",
            value=after,
            measured_on=datetime.date(2026, 9, 1),
            by=lead.user,
        )


def load(*, out) -> None:
    breaks = Project.objects.filter(title="Short breaks for carers").first()
    library = Project.objects.filter(title="Library opening hours").first()
    if breaks is None or library is None:
        out.write("  The members' own word skipped: the demo projects are missing.")
        return
    if Outcome.objects.filter(project=breaks).exists():
        out.write("  The members' own word: already loaded.")
        return
    _library(library)
    _short_breaks(breaks)
    out.write(
        "  The members' own word: records waiting for Asha, two contested by Tom in "
        "'Library opening hours', check-ins and outcomes in 'Short breaks for carers'."
    )
