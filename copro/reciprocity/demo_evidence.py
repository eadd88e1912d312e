"""Demo projects for the evidence rules (issue 15), built here because they need meetings and
what people got back, which live in the apps above projects:

- Home from hospital: a genuine co-produced project with every principle met - citizens from
  the start and in every stage, a real voice in the decisions, ideas answered, meetings on
  different days and times, and time credits each time they come.
- Home care visits: the same good record, but citizens only ever got their bus fares back, so
  reciprocity holds it down below co-design.
- Welcome pack for new tenants: just started, one decision so far: "not enough evidence yet".

Loaded from copro/reciprocity/demo.py; idempotent (each project is built once, by title).
"""

import datetime

from django.utils import timezone

from copro.meetings.models import Attendance, Meeting
from copro.projects.demo import D, _contribution, _decision, _members, _project
from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Decision, Project
from copro.reciprocity import services
from copro.reciprocity.models import ThanksChoice

STAGES = [("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)), ("delivery", D(2026, 6, 1))]
KINDS = [Decision.Kind.PLAN, Decision.Kind.MONEY, Decision.Kind.ROLES]


def _meetings(project, members, staff, *, given_back: bool) -> None:
    """Three meetings in the last fortnight, on different days and at different times, that
    the citizens came to (recorded the same day)."""
    citizens = [m for m in members.values() if m.kind == "experience"]
    _meeting(project, staff, days_from_now=7, hour=11)  # the next one
    for days_ago, hour in ((12, 10), (8, 14), (3, 18)):
        meeting = _meeting(project, staff, days_from_now=-days_ago, hour=hour)
        starts = meeting.starts_at
        rows = [
            Attendance.objects.create(
                meeting=meeting,
                user=m.user,
                status="attended",
                minutes=90,
                kind=m.kind,
                recorded_by=staff,
                recorded_at=starts + datetime.timedelta(hours=2),
            )
            for m in citizens
        ]
        proposed = services.rewards_propose_for_meeting_attendance(attendances=rows, by=staff)
        for reward in proposed if given_back else ():
            services.reward_confirm(
                reward=reward,
                given_as=ThanksChoice.TIME_CREDITS,
                credits=2,
                by=staff,
                reason="Agreed with them",
            )


def _meeting(project, staff, *, days_from_now: int, hour: int) -> Meeting:
    starts = (timezone.now() + datetime.timedelta(days=days_from_now)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    return Meeting.objects.create(
        project=project,
        title="Working together",
        starts_at=starts,
        duration_minutes=90,
        format="online",
        online_link="https://meet.example.org/working-together",
        purpose="co-design",
        created_by=staff,
    )


def _good_record(project, p, lead) -> dict:
    m = _members(
        project,
        [
            (lead, "qualification", "lead", D(2026, 1, 5)),
            (p["grace"], "qualification", "member", D(2026, 1, 5)),
            (p["maggie"], "experience", "member", D(2026, 1, 5)),
            (p["priya"], "experience", "member", D(2026, 1, 5)),
            (p["tom"], "experience", "member", D(2026, 1, 12)),
        ],
    )
    voices = [(member, "agree") for member in m.values()]
    for stage, on in STAGES:
        for n, kind in enumerate(KINDS):
            decision = _decision(
                project, f"{kind.label} ({stage})", stage, "consent", on, "Agreed.", voices
            )
            Decision.objects.filter(pk=decision.pk).update(
                kind=kind, decided_on=on + datetime.timedelta(days=7 * n)
            )
        raised = on + datetime.timedelta(days=2)
        _contribution(
            project,
            m["maggie"],
            stage,
            "Ask people what helped them most when they came home.",
            "adopted",
            "We did it: it is now the first question in the plan.",
            lead,
            raised,
            raised + datetime.timedelta(days=9),
        )
    return m


def _genuine(p) -> None:
    project, created = _project(
        "Home from hospital",
        "People who have come home from hospital, their carers and staff are designing the "
        "support that helps people settle back at home.",
        "Adult social care",
        Project.Visibility.PUBLIC,
        STAGES,
        p["sam.staff"],
    )
    if created:
        members = _good_record(project, p, p["sam.staff"])
        _meetings(project, members, p["sam.staff"], given_back=True)
    placement_refresh(project=project)


def _expenses_only(p) -> None:
    project, created = _project(
        "Home care visits",
        "People who get care at home and staff are changing how visits are planned. Members "
        "get their bus fares back, but nothing for their time.",
        "Adult social care",
        Project.Visibility.PUBLIC,
        STAGES,
        p["sam.staff"],
    )
    if created:
        members = _good_record(project, p, p["sam.staff"])
        _meetings(project, members, p["sam.staff"], given_back=False)
    placement_refresh(project=project)


def _just_started(p) -> None:
    project, created = _project(
        "Welcome pack for new tenants",
        "Tenants and housing staff are starting to write a welcome pack together.",
        "Housing",
        Project.Visibility.PUBLIC,
        [("idea", timezone.localdate() - datetime.timedelta(days=10))],
        p["sam.staff"],
    )
    if created:
        m = _members(
            project,
            [
                (p["sam.staff"], "qualification", "lead", timezone.localdate()),
                (p["asha.citizen"], "experience", "member", timezone.localdate()),
                (p["tom"], "experience", "member", timezone.localdate()),
            ],
        )
        _decision(
            project,
            "What the pack is for",
            "idea",
            "consent",
            timezone.localdate(),
            "Agreed: to help people settle in during their first month.",
            [(member, "agree") for member in m.values()],
        )
        # A first meeting (who came is not recorded yet) and the next one.
        _meeting(project, p["sam.staff"], days_from_now=-2, hour=14)
        _meeting(project, p["sam.staff"], days_from_now=5, hour=18)
    placement_refresh(project=project)


def load(*, out, people: dict) -> None:
    needed = {"sam.staff", "grace", "maggie", "priya", "tom", "asha.citizen"}
    if not needed <= set(people):
        out.write("  Evidence demo skipped: the demo people are missing.")
        return
    for build in (_genuine, _expenses_only, _just_started):
        build(people)
    out.write(
        "  Evidence: a project co-produced with every principle met, one held down by "
        "reciprocity (expenses only), and one with not enough evidence yet."
    )
