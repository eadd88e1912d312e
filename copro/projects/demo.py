"""Demo projects at different steps of the staircase, built from a believable record.

- Short breaks for carers: genuinely co-produced (people who use the service from the start,
  in every stage, sharing decisions, their ideas answered and acted on).
- Bus stops everyone can use: co-design (involved in the design with real influence, but joined
  after the idea was shaped and not yet part of delivery).
- Library opening hours: calls itself co-production, but citizens were asked for views on a
  finished plan and staff took every decision - consultation.
- Day services review: early days; views gathered, few answers yet.
"""

import datetime

from django.utils import timezone

from copro.people.models import User
from copro.projects.models import (
    AdviceAnswer,
    AdviceRequest,
    Contribution,
    Decision,
    Membership,
    Position,
    Project,
    StageChange,
)

D = datetime.date


def _people() -> dict[str, User]:
    return {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}


def _project(title, summary, area, visibility, stages, lead) -> tuple[Project, bool]:
    project, created = Project.objects.get_or_create(
        title=title,
        defaults={
            "summary": summary,
            "service_area": area,
            "visibility": visibility,
            "stage": stages[-1][0],
            "created_by": lead,
        },
    )
    if created:
        for stage, on in stages:
            StageChange.objects.create(project=project, stage=stage, changed_on=on, changed_by=lead)
    return project, created


def _members(project, rows) -> dict[str, Membership]:
    result = {}
    for user, kind, role, joined in rows:
        result[user.email.split("@")[0]] = Membership.objects.create(
            project=project, user=user, kind=kind, role=role, joined_on=joined
        )
    return result


def _decision(project, title, stage, method, decided_on, outcome, voices):
    decision = Decision.objects.create(
        project=project,
        title=title,
        proposal=title,
        method=method,
        stage=stage,
        status="decided",
        decided_on=decided_on,
        outcome=outcome,
    )
    for membership, stance in voices:
        Position.objects.create(
            decision=decision,
            user=membership.user,
            stance=stance,
            kind=membership.kind,
            recorded_by=membership.user,
        )
    return decision


def _contribution(project, member, stage, text, status, response, responder, raised, answered):
    tz = timezone.get_current_timezone()
    return Contribution.objects.create(
        project=project,
        raised_by=member.user,
        kind="idea",
        text=text,
        stage=stage,
        member_kind=member.kind,
        status=status,
        response=response,
        responded_by=responder,
        raised_at=datetime.datetime.combine(raised, datetime.time(10), tz),
        responded_at=datetime.datetime.combine(answered, datetime.time(10), tz)
        if answered
        else None,
    )


def _short_breaks(p) -> None:
    project, created = _project(
        "Short breaks for carers",
        "Carers, the people they care for and council staff are redesigning short breaks, so "
        "that carers can get a proper rest and the person they care for enjoys the time too.",
        "Adult social care",
        Project.Visibility.PUBLIC,
        [
            ("idea", D(2025, 9, 1)),
            ("design", D(2025, 11, 3)),
            ("delivery", D(2026, 3, 2)),
            ("evaluation", D(2026, 9, 7)),
        ],
        p["jo"],
    )
    if not created:
        return
    m = _members(
        project,
        [
            (p["jo"], "qualification", "lead", D(2025, 9, 1)),
            (p["maggie"], "experience", "member", D(2025, 9, 1)),
            (p["priya"], "experience", "member", D(2025, 9, 15)),
            (p["tom"], "experience", "member", D(2025, 10, 6)),
            (p["lee"], "qualification", "member", D(2025, 9, 1)),
        ],
    )
    everyone = [
        (m["maggie"], "agree"),
        (m["priya"], "agree"),
        (m["tom"], "agree"),
        (m["jo"], "agree"),
        (m["lee"], "agree"),
    ]
    _decision(
        project,
        "Which problems to solve first",
        "idea",
        "consensus",
        D(2025, 10, 20),
        "Booking breaks at short notice, and breaks the cared-for person enjoys.",
        everyone,
    )
    _decision(
        project,
        "How breaks are booked",
        "design",
        "consent",
        D(2026, 1, 19),
        "A phone line and an online form, with a named contact.",
        everyone,
    )
    _decision(
        project,
        "Which providers to try first",
        "delivery",
        "majority",
        D(2026, 4, 13),
        "Two day centres and a sitting service.",
        everyone,
    )
    _decision(
        project,
        "What to measure",
        "evaluation",
        "consensus",
        D(2026, 9, 21),
        "Carers' rest, and whether the cared-for person wants to go back.",
        everyone,
    )
    _contribution(
        project,
        m["maggie"],
        "design",
        "Let carers book a break with two days' notice, not two weeks.",
        "adopted",
        "Breaks can now be booked 48 hours ahead.",
        p["jo"],
        D(2025, 11, 10),
        D(2025, 11, 24),
    )
    _contribution(
        project,
        m["tom"],
        "delivery",
        "Send the booking letter in easy read.",
        "adopted",
        "Every letter now comes in easy read too.",
        p["jo"],
        D(2026, 3, 16),
        D(2026, 3, 23),
    )
    _contribution(
        project,
        m["priya"],
        "evaluation",
        "Ask the cared-for person, not only the carer.",
        "adapted",
        "We ask both, in a way that suits each person.",
        p["lee"],
        D(2026, 9, 14),
        D(2026, 9, 28),
    )
    advice = AdviceRequest.objects.create(
        project=project,
        question="Some carers cannot leave the person they care for. How can they still take "
        "part in our meetings?",
        asked_by=p["jo"],
        asked_at=_at(D(2026, 4, 6)),
    )
    AdviceAnswer.objects.create(
        request=advice,
        answered_by=p["maggie"],
        text="Pay for replacement care while they come, and offer a phone or video option. "
        "Ask each carer what would work for them.",
        answered_at=_at(D(2026, 4, 9)),
    )


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _bus_stops(p) -> None:
    project, created = _project(
        "Bus stops everyone can use",
        "Disabled people and highways staff are designing bus stops that work for wheelchair "
        "users, blind and partially sighted people, and anyone who needs a seat.",
        "Transport",
        Project.Visibility.SIGNED_IN,
        [("idea", D(2026, 2, 2)), ("design", D(2026, 4, 6)), ("delivery", D(2026, 10, 5))],
        p["lee"],
    )
    if not created:
        return
    m = _members(
        project,
        [
            (p["lee"], "qualification", "lead", D(2026, 2, 2)),
            (p["dev"], "experience", "member", D(2026, 5, 11)),
            (p["grace"], "experience", "member", D(2026, 5, 11)),
        ],
    )
    _decision(
        project,
        "Shelter and seating design",
        "design",
        "consensus",
        D(2026, 7, 6),
        "A shelter with a perch seat and a level boarding kerb.",
        [(m["dev"], "agree"), (m["grace"], "agree"), (m["lee"], "agree")],
    )
    _decision(
        project,
        "Tactile paving layout",
        "design",
        "consent",
        D(2026, 8, 3),
        "A blister strip along the kerb and a guide path to the shelter.",
        [(m["dev"], "agree"), (m["grace"], "agree"), (m["lee"], "agree")],
    )
    _decision(
        project,
        "Contractor for the first ten stops",
        "delivery",
        "majority",
        D(2026, 10, 19),
        "The lowest-cost bid.",
        [(m["lee"], "agree")],
    )
    _contribution(
        project,
        m["grace"],
        "design",
        "Put the timetable at eye level and in large print.",
        "adopted",
        "Done in the final design.",
        p["lee"],
        D(2026, 6, 1),
        D(2026, 6, 15),
    )
    _contribution(
        project,
        m["dev"],
        "design",
        "Test the kerb height with a real wheelchair.",
        "adopted",
        "We tested it together on 20 July.",
        p["lee"],
        D(2026, 6, 8),
        D(2026, 6, 22),
    )


def _library_hours(p) -> None:
    project, created = _project(
        "Library opening hours",
        "A co-production project on new opening hours for the county's libraries.",
        "Libraries",
        Project.Visibility.PUBLIC,
        [("idea", D(2026, 1, 12)), ("design", D(2026, 2, 9)), ("delivery", D(2026, 6, 1))],
        p["jo"],
    )
    if not created:
        return
    m = _members(
        project,
        [
            (p["jo"], "qualification", "lead", D(2026, 1, 12)),
            (p["lee"], "qualification", "member", D(2026, 1, 12)),
            (p["asha.citizen"], "experience", "member", D(2026, 5, 4)),
            (p["tom"], "experience", "member", D(2026, 5, 4)),
        ],
    )
    _decision(
        project,
        "New opening hours",
        "design",
        "majority",
        D(2026, 4, 20),
        "Close on Mondays and at 5pm on weekdays.",
        [(m["jo"], "agree"), (m["lee"], "agree")],
    )
    _decision(
        project,
        "Which branches change first",
        "delivery",
        "majority",
        D(2026, 6, 15),
        "All branches from September.",
        [(m["jo"], "agree"), (m["lee"], "agree")],
    )
    _contribution(
        project,
        m["asha.citizen"],
        "delivery",
        "Keep one late evening so people who work can come.",
        "not_adopted",
        "The hours were already agreed.",
        p["jo"],
        D(2026, 6, 8),
        D(2026, 7, 20),
    )
    _contribution(
        project,
        m["tom"],
        "delivery",
        "Open on Saturday mornings for families.",
        "not_adopted",
        "The budget has been set.",
        p["jo"],
        D(2026, 6, 8),
        D(2026, 7, 20),
    )


def _day_services(p) -> None:
    project, created = _project(
        "Day services review",
        "Looking at what people want from day services, before anything is planned.",
        "Adult social care",
        Project.Visibility.MEMBERS,
        [("idea", D(2026, 10, 5))],
        p["sam.staff"],
    )
    if not created:
        return
    m = _members(
        project,
        [
            (p["sam.staff"], "qualification", "lead", D(2026, 10, 5)),
            (p["tom"], "experience", "member", D(2026, 10, 5)),
            (p["maggie"], "experience", "member", D(2026, 10, 12)),
        ],
    )
    _contribution(
        project,
        m["tom"],
        "idea",
        "More activities in the afternoon.",
        "considering",
        "We are looking at this with the providers.",
        p["sam.staff"],
        D(2026, 10, 19),
        D(2026, 11, 2),
    )
    _contribution(
        project,
        m["maggie"],
        "idea",
        "Transport that comes on time.",
        "waiting",
        "",
        None,
        D(2026, 11, 9),
        None,
    )


def load(*, out) -> None:
    people = _people()
    needed = {"jo", "lee", "maggie", "priya", "tom", "dev", "grace", "asha.citizen", "sam.staff"}
    if not needed <= set(people):
        out.write("  Projects skipped: the demo people are missing.")
        return
    for build in (_short_breaks, _bus_stops, _library_hours, _day_services):
        build(people)
    try:
        from copro.projects.evidence.placement import placement_refresh
    except ImportError:
        pass
    else:
        for project in Project.objects.all():
            placement_refresh(project=project)
    out.write("  Four demo projects, from early days to fully co-produced.")
