"""Reading one project's record for the evidence, in a fixed number of queries whatever its size.

Only what counts as evidence is read (copro/core/provenance.py, `counted_q`): a contested record
never counts, and a record entered for someone, imported or recorded late counts only once they
confirm it. More rules keep the record honest whatever the entry path sets
(docs/decisions/0024-evidence-rules-v2.md):

- a position or an idea typed in by someone other than the person is entered for them, so it
  counts once they confirm it; attendance recorded more than EVIDENCE_LATE_DAYS after the
  meeting is late, so it counts once they confirm it (`attendance_counted_q`);
- a back-dated membership that nobody has confirmed counts from the day it was typed in, not
  from the date given for it;
- an abstention ("I will not take part in this one") is not taking part in a decision.

Other apps add what they know through registered sources: the stages in which experts by
experience took part (meetings) and the counts of how evidence was entered (attendance).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Min, Q
from django.utils import timezone

from copro.core.provenance import FOR_THEM, Confirmation, counted_q, late_days
from copro.projects.evidence.thresholds import thresholds
from copro.projects.models import (
    STAGE_ORDER,
    Contribution,
    Decision,
    Membership,
    Position,
    Project,
    Stage,
    StageChange,
)

EXPERIENCE = Membership.Kind.EXPERIENCE
WORKING_STAGES = tuple(stage for stage in STAGE_ORDER if stage != Stage.CLOSED)
ABSTAIN = Position.Stance.ABSTAIN
SUBSTANTIVE = (
    Contribution.Status.ADOPTED,
    Contribution.Status.ADAPTED,
    Contribution.Status.NOT_ADOPTED,
    Contribution.Status.OUT_OF_OUR_HANDS,
)


@dataclass(frozen=True)
class DecisionRow:
    title: str
    kind: str
    weight: int
    experts: int  # experts by experience who took a position (abstentions left out)
    voices: int  # everyone who took a position (abstentions left out)
    shared: bool  # experts by experience had a real voice in it
    proposed_by_expert: bool


@dataclass(frozen=True)
class Record:
    """The facts the signals, rules and warnings need, read once per project."""

    project: Project
    stages_reached: tuple[str, ...]
    started_on: date
    design_began: date | None
    experts_ever: int  # distinct people who have ever been members as experts by experience
    experts_at_reference: int  # of whom, members when design began (or the project started)
    first_expert_joined: date | None
    decided: int  # decisions made that weigh something (arrangements left out)
    decided_shared: int  # of which experts by experience had a real voice
    unshared_titles: tuple[str, ...]  # the first few decisions taken without a real voice
    experience_stages: frozenset[str]
    participants: int  # distinct people with a position or a contribution
    experience_participants: int
    contributions: int  # raised by experts by experience
    answered: int  # answered with substance (or "being considered", for a while)
    adopted: int  # adopted or adapted
    overdue: int  # still waiting after `unanswered_after_days`, or considered for too long
    response_days: tuple[float, ...]
    # Added by the rules of version 2 (defaults keep hand-built records in tests short).
    decisions: tuple[DecisionRow, ...] = ()
    trivial_decided: int = 0  # arrangements: decided, but weighing nothing
    members_current: int = 0
    experts_current: int = 0
    stale_considering: int = 0  # "being considered" for longer than the rules allow
    token_decided: int = 0  # decisions with an expert voice, but not a real one

    @property
    def design_reached(self) -> bool:
        return self.design_began is not None

    @property
    def reference_date(self) -> date:
        """When experts by experience should already have been there."""
        return self.design_began or self.started_on

    @property
    def views_gathered(self) -> bool:
        """Experts by experience have voted on something or raised something."""
        return self.experience_participants > 0

    @property
    def weight_decided(self) -> int:
        return sum(row.weight for row in self.decisions)

    @property
    def weight_shared(self) -> int:
        return sum(row.weight for row in self.decisions if row.shared)


ParticipationSource = Callable[[Project], Iterable[str]]
_participation_sources: list[ParticipationSource] = []


def register_participation_source(source: ParticipationSource) -> ParticipationSource:
    """Add a source of stages in which experts by experience took part (for example meetings
    they attended). It must run a bounded number of queries."""
    if source not in _participation_sources:
        _participation_sources.append(source)
    return source


def _stages(project: Project) -> tuple[tuple[str, ...], date, date | None]:
    changes = list(
        StageChange.objects.filter(project=project)
        .order_by("changed_on", "pk")
        .values_list("stage", "changed_on")
    )
    started_on = changes[0][1] if changes else timezone.localdate(project.created_at)
    reached = {stage for stage, _on in changes} | {project.stage}
    design = STAGE_ORDER.index(Stage.DESIGN)
    design_began = next(
        (on for stage, on in changes if STAGE_ORDER.index(stage) >= design),
        # Past design with no date for it: the start is the only date we have.
        started_on if STAGE_ORDER.index(project.stage) >= design else None,
    )
    ordered = tuple(stage for stage in WORKING_STAGES if stage in reached)
    return ordered, started_on, design_began


def _confirmed(prefix: str = "") -> Q:
    return Q(**{f"{prefix}confirmation": Confirmation.CONFIRMED})


def position_counted_q(prefix: str = "") -> Q:
    """A position counts as evidence, and was typed in by the person (or they confirmed it)."""
    own = Q(**{f"{prefix}recorded_by__isnull": True}) | Q(
        **{f"{prefix}recorded_by": F(f"{prefix}user")}
    )
    return counted_q(prefix) & (own | _confirmed(prefix))


def contribution_counted_q() -> Q:
    """An idea counts as evidence, and was typed in by the person (or they confirmed it)."""
    own = Q(entered_by__isnull=True) | Q(entered_by=F("raised_by"))
    return counted_q() & (own | _confirmed())


def attendance_counted_q(prefix: str = "") -> Q:
    """Attendance counts as evidence, and was recorded within EVIDENCE_LATE_DAYS of the
    meeting (or they confirmed it). For meetings' Attendance rows."""
    in_time = Q(
        **{
            f"{prefix}recorded_at__lte": F(f"{prefix}meeting__starts_at")
            + timedelta(days=late_days())
        }
    )
    return counted_q(prefix) & (in_time | _confirmed(prefix))


def _late_unconfirmed() -> Q:
    """Typed in by the organiser, late: they are a member now, but the earlier date is not
    vouched for until they confirm it."""
    settled = Q(confirmation__in=[Confirmation.CONFIRMED, Confirmation.CONTESTED])
    return Q(recorded_late=True) & ~Q(entry_method__in=list(FOR_THEM)) & ~settled


def _experts(project: Project, reference: date) -> dict:
    vouched, late = counted_q(), _late_unconfirmed()
    still_there = Q(left_on__isnull=True) | Q(left_on__gt=reference)
    present = (
        (vouched & Q(joined_on__lte=reference)) | (late & Q(entered_at__date__lte=reference))
    ) & still_there
    current = Q(left_on__isnull=True) & (vouched | late)
    members = Membership.objects.filter(project=project)
    counts = members.aggregate(
        ever=Count("user", distinct=True, filter=Q(kind=EXPERIENCE) & (vouched | late)),
        at_reference=Count("user", distinct=True, filter=Q(kind=EXPERIENCE) & present),
        first_joined=Min("joined_on", filter=Q(kind=EXPERIENCE) & vouched),
        first_entered=Min("entered_at", filter=Q(kind=EXPERIENCE) & late),
        members_current=Count("user", distinct=True, filter=current),
        experts_current=Count("user", distinct=True, filter=current & Q(kind=EXPERIENCE)),
    )
    entered = counts.pop("first_entered")
    if entered is not None:
        entered_on = timezone.localdate(entered)
        first = counts["first_joined"]
        counts["first_joined"] = entered_on if first is None else min(first, entered_on)
    return counts


def _voice_q(kind_filter: Q | None = None) -> Q:
    """A position that counts as taking part: counted as evidence, and not an abstention."""
    q = position_counted_q("positions__") & ~Q(positions__stance=ABSTAIN)
    return q & kind_filter if kind_filter is not None else q


def _real_voice(experts: int, voices: int, limits: dict) -> bool:
    if experts < int(limits["real_voice_min"]):
        return False
    return experts / voices >= limits["real_voice_share"]


def _decisions(project: Project, limits: dict) -> tuple[DecisionRow, ...]:
    """One row per decision made (one query): its kind and how many voices it had."""
    rows = (
        Decision.objects.filter(project=project, status=Decision.Status.DECIDED)
        .order_by("decided_on", "pk")
        .annotate(
            experts=Count("positions", filter=_voice_q(Q(positions__kind=EXPERIENCE))),
            voices=Count("positions", filter=_voice_q()),
        )
        .values_list("title", "kind", "experts", "voices", "proposed_by_kind")
    )
    return tuple(
        DecisionRow(
            title=title,
            kind=kind,
            weight=int(limits.get(f"weight_{kind}", limits["weight_other"])),
            experts=experts,
            voices=voices,
            shared=_real_voice(experts, voices, limits),
            proposed_by_expert=proposer == EXPERIENCE,
        )
        for title, kind, experts, voices, proposer in rows
    )


def _participation(project: Project) -> tuple[set, set, set[str]]:
    """Who took part (a position or a contribution), of what kind, in which stage: one UNION."""
    positions = (
        Position.objects.filter(decision__project=project)
        .filter(position_counted_q())
        .exclude(stance=ABSTAIN)
        .values_list("user_id", "kind", "decision__stage")
    )
    raised = (
        Contribution.objects.filter(project=project)
        .filter(contribution_counted_q())
        .order_by()
        .values_list("raised_by_id", "member_kind", "stage")
    )
    people, experts, stages = set(), set(), set()
    for user_id, kind, stage in positions.union(raised):
        people.add(user_id)
        if kind == EXPERIENCE:
            experts.add(user_id)
            stages.add(stage)
    for source in _participation_sources:
        stages.update(source(project))
    return people, experts, stages


def _contributions(project: Project, limits: dict) -> tuple[dict, tuple]:
    now = timezone.now()
    cutoff = now - timedelta(days=int(limits["unanswered_after_days"]))
    considering_from = now - timedelta(days=int(limits["considering_counts_days"]))
    considering = Q(status=Contribution.Status.CONSIDERING)
    fresh = considering & Q(responded_at__gte=considering_from)
    stale = considering & ~Q(responded_at__gte=considering_from)
    waiting = Q(status=Contribution.Status.WAITING)
    theirs = Contribution.objects.filter(project=project, member_kind=EXPERIENCE).filter(
        contribution_counted_q()
    )
    counts = theirs.aggregate(
        total=Count("pk"),
        answered=Count("pk", filter=Q(status__in=SUBSTANTIVE) | fresh),
        adopted=Count("pk", filter=Q(status__in=["adopted", "adapted"])),
        overdue=Count("pk", filter=(waiting & Q(raised_at__lt=cutoff)) | stale),
        stale=Count("pk", filter=stale),
    )
    # A median is not portable SQL: fetch the two dates of each answered idea (one query).
    pairs = (
        theirs.filter(status__in=SUBSTANTIVE)
        .filter(responded_at__isnull=False)
        .order_by()
        .values_list("raised_at", "responded_at")
    )
    days = tuple(
        max(0.0, (answered - raised).total_seconds() / 86400) for raised, answered in pairs
    )
    return counts, days


def record_read(*, project: Project, limits: dict | None = None) -> Record:
    """Everything the evidence needs about one project, in a fixed number of queries."""
    limits = limits or thresholds()
    reached, started_on, design_began = _stages(project)
    experts = _experts(project, design_began or started_on)
    rows = _decisions(project, limits)
    weighed = tuple(row for row in rows if row.weight > 0)
    people, expert_people, expert_stages = _participation(project)
    counts, days = _contributions(project, limits)
    return Record(
        project=project,
        stages_reached=reached,
        started_on=started_on,
        design_began=design_began,
        experts_ever=experts["ever"],
        experts_at_reference=experts["at_reference"],
        first_expert_joined=experts["first_joined"],
        decided=len(weighed),
        decided_shared=sum(1 for row in weighed if row.shared),
        unshared_titles=tuple(row.title for row in weighed if not row.shared)[:3],
        experience_stages=frozenset(expert_stages),
        participants=len(people),
        experience_participants=len(expert_people),
        contributions=counts["total"],
        answered=counts["answered"],
        adopted=counts["adopted"],
        overdue=counts["overdue"],
        response_days=days,
        decisions=weighed,
        trivial_decided=len(rows) - len(weighed),
        members_current=experts["members_current"],
        experts_current=experts["experts_current"],
        stale_considering=counts["stale"],
        token_decided=sum(1 for row in weighed if row.experts and not row.shared),
    )
