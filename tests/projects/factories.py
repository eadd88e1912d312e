"""Factories for projects and their records, for building known histories by hand.

    project = ProjectFactory(stages=[("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2))])
    citizen = MembershipFactory(project=project, joined_on=D(2026, 1, 5))  # by experience
    staff = MembershipFactory(project=project, kind="qualification", role="lead")
    decision = DecisionFactory(project=project, decided=True, stage="design")
    PositionFactory.for_member(decision, citizen)
    ContributionFactory.for_member(citizen, status="adopted")

They write rows directly (no services), so a test controls every date.
"""

import datetime

import factory
from django.utils import timezone

from copro.projects.models import (
    Contribution,
    Decision,
    Membership,
    Position,
    Project,
    StageChange,
)
from tests.people.factories import UserFactory

D = datetime.date
FIRST_DAY = D(2026, 1, 5)


class ProjectFactory(factory.django.DjangoModelFactory):
    """`stages=[(stage, date), ...]` records when each stage began and leaves the project at the
    last one."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Project {n}")
    summary = "What the project is for."
    service_area = ""
    stage = "idea"
    visibility = Project.Visibility.MEMBERS

    @factory.post_generation
    def stages(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for stage, on in extracted:
            StageChangeFactory(project=self, stage=stage, changed_on=on)
        self.stage = extracted[-1][0]
        self.save(update_fields=["stage"])


class StageChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageChange

    project = factory.SubFactory(ProjectFactory)
    stage = "idea"
    changed_on = D(2026, 1, 5)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    kind = Membership.Kind.EXPERIENCE
    role = Membership.Role.MEMBER
    joined_on = D(2026, 1, 5)
    left_on = None


class DecisionFactory(factory.django.DjangoModelFactory):
    """Open by default; `decided=True` closes it with an outcome and a date."""

    class Meta:
        model = Decision

    class Params:
        decided = factory.Trait(
            status=Decision.Status.DECIDED,
            decided_on=D(2026, 3, 16),
            outcome="Agreed.",
        )

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Decision {n}")
    proposal = "The proposal."
    method = Decision.Method.CONSENT
    status = Decision.Status.OPEN
    stage = "idea"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    decision = factory.SubFactory(DecisionFactory)
    user = factory.SubFactory(UserFactory)
    stance = Position.Stance.AGREE
    kind = Membership.Kind.EXPERIENCE
    recorded_by = factory.SelfAttribute("user")

    @classmethod
    def for_member(cls, decision: Decision, member: Membership, **kwargs) -> Position:
        """The member's voice on a decision, with their kind as a member."""
        return cls(decision=decision, user=member.user, kind=member.kind, **kwargs)


class ContributionFactory(factory.django.DjangoModelFactory):
    """Waiting for an answer by default; any other status gets a response a week later."""

    class Meta:
        model = Contribution

    project = factory.SubFactory(ProjectFactory)
    raised_by = factory.SubFactory(UserFactory)
    kind = Contribution.Kind.IDEA
    text = factory.Sequence(lambda n: f"Idea {n}")
    stage = "idea"
    member_kind = Membership.Kind.EXPERIENCE
    raised_at = factory.LazyFunction(timezone.now)
    status = Contribution.Status.WAITING
    response = factory.LazyAttribute(lambda c: "" if c.status == "waiting" else "Our answer.")
    responded_at = factory.LazyAttribute(
        lambda c: None if c.status == "waiting" else c.raised_at + datetime.timedelta(days=7)
    )

    @classmethod
    def for_member(cls, member: Membership, **kwargs) -> Contribution:
        """An idea raised by the member in their project, with their kind as a member."""
        return cls(project=member.project, raised_by=member.user, member_kind=member.kind, **kwargs)


def project_with_history(
    *,
    stages=(("idea", FIRST_DAY),),
    experts: int = 2,
    experts_join: datetime.date | None = None,
    decisions=(),
    ideas=(),
    visibility: str = Project.Visibility.MEMBERS,
    given_back: bool = False,
) -> Project:
    """A project with a lead (by qualification) from its first day and `experts` members by
    experience who join on `experts_join` (default: also the first day).

    decisions: (stage, shared) pairs - each decided, with the lead's voice and, when shared,
    every expert's (a real voice: two or more of them, more than a third of the voices).
    ideas: (stage, status) pairs raised by the first expert. given_back: two meetings held
    last week on different days and times, which the experts came to and got time credits for
    (so access and reciprocity are shown).
    """
    project = ProjectFactory(stages=list(stages), visibility=visibility)
    start = stages[0][1]
    lead = MembershipFactory(
        project=project,
        kind=Membership.Kind.QUALIFICATION,
        role=Membership.Role.LEAD,
        joined_on=start,
    )
    citizens = [
        MembershipFactory(project=project, joined_on=experts_join or start) for _ in range(experts)
    ]
    for stage, shared in decisions:
        decision = DecisionFactory(project=project, decided=True, stage=stage)
        PositionFactory.for_member(decision, lead)
        if shared:
            for citizen in citizens:
                PositionFactory.for_member(decision, citizen)
    for stage, status in ideas:
        ContributionFactory.for_member(citizens[0], stage=stage, status=status)
    if given_back:
        meetings_given_back(project, citizens)
    return project


def meetings_given_back(project: Project, citizens: list[Membership]) -> None:
    """Two meetings in the last week, at different times, that every citizen came to and got
    time credits for."""
    from copro.meetings.models import Attendance, Meeting
    from copro.reciprocity import services as reciprocity
    from copro.reciprocity.models import ThanksChoice

    staff = UserFactory(display_name="Sam", role="staff")
    for days_ago, hour in ((3, 10), (8, 18)):
        starts = timezone.now().replace(hour=hour, minute=0) - datetime.timedelta(days=days_ago)
        meeting = Meeting.objects.create(
            project=project,
            title=f"Working meeting {days_ago}",
            starts_at=starts,
            duration_minutes=90,
            format="online",
            online_link="https://meet.example.org/a",
            purpose="co-design",
        )
        rows = [
            Attendance.objects.create(
                meeting=meeting, user=c.user, status="attended", minutes=90, kind=c.kind
            )
            for c in citizens
        ]
        for reward in reciprocity.rewards_propose_for_meeting_attendance(
            attendances=rows, by=staff
        ):
            reciprocity.reward_confirm(
                reward=reward,
                given_as=ThanksChoice.TIME_CREDITS,
                credits=2,
                by=staff,
                reason="Agreed with them",
            )
