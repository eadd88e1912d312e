"""Signals: what a project's record shows about how far power is shared.

Each signal is a number with the reason for it, read from what actually happened (who was a
member when, who took part in which decisions, what became of the ideas people raised) - not
from what anyone says about the project.

`record_read` reads everything the signals need in a fixed number of queries whatever the
project's size: counts are aggregated in the database, and no query runs per member, decision
or idea. Each signal is then a pure function of that record.

A signal that needs data the service does not record yet says so (value None, met None) and
never guesses. Another app fills it in later by registering a provider under the same key, for
example in its AppConfig.ready():

    from copro.projects.evidence.signals import register_signal

    @register_signal("access", replace=True)
    def access(record, limits):
        ...  # a bounded number of queries about the project's meetings
        return Signal(key="access", ..., source="meetings")

Attendance at meetings will count as taking part in a stage through
`register_participation_source`.
"""

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import dateformat, timezone

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
# The stages in which people work together. "Closed" is the end of the work, not a stage of it.
WORKING_STAGES = tuple(stage for stage in STAGE_ORDER if stage != Stage.CLOSED)
NO_DATA = "No data yet"


@dataclass(frozen=True)
class Signal:
    """One measure of shared power. `value` is a number (a share from 0 to 1, a count or a
    number of days) or None when there is nothing to measure; `met` is None in that case."""

    key: str
    name: str
    value: float | int | None
    display: str
    threshold: str
    met: bool | None
    reason: str
    source: str = "projects"

    def as_json(self) -> dict:
        return {"key": self.key, "value": self.value, "met": self.met}


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
    decided: int
    decided_shared: int  # decided with at least one expert by experience taking part
    unshared_titles: tuple[str, ...]  # the first few decisions taken without any
    experience_stages: frozenset[str]
    participants: int  # distinct people with a position or a contribution
    experience_participants: int
    contributions: int  # raised by experts by experience
    answered: int
    adopted: int  # adopted or adapted
    overdue: int  # still waiting after `unanswered_after_days`
    response_days: tuple[float, ...]

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


# --- Reading the record ---------------------------------------------------------------------

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


def _experts(project: Project, reference: date) -> dict:
    present = Q(joined_on__lte=reference) & (Q(left_on__isnull=True) | Q(left_on__gt=reference))
    return Membership.objects.filter(project=project, kind=EXPERIENCE).aggregate(
        ever=Count("user", distinct=True),
        at_reference=Count("user", distinct=True, filter=present),
        first_joined=Min("joined_on"),
    )


def _decisions(project: Project) -> tuple[int, int, tuple[str, ...]]:
    with_expert = Exists(Position.objects.filter(decision=OuterRef("pk"), kind=EXPERIENCE))
    decided = Decision.objects.filter(project=project, status=Decision.Status.DECIDED)
    counts = decided.aggregate(total=Count("pk"), shared=Count("pk", filter=Q(with_expert)))
    titles: tuple[str, ...] = ()
    if counts["shared"] < counts["total"]:
        titles = tuple(
            decided.filter(~with_expert)
            .order_by("decided_on", "pk")
            .values_list("title", flat=True)[:3]
        )
    return counts["total"], counts["shared"], titles


def _participation(project: Project) -> tuple[set, set, set[str]]:
    """Who took part (a position or a contribution), of what kind, in which stage: one UNION."""
    positions = Position.objects.filter(decision__project=project).values_list(
        "user_id", "kind", "decision__stage"
    )
    raised = (
        Contribution.objects.filter(project=project)
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


def _contributions(project: Project, unanswered_after_days: int) -> tuple[dict, tuple]:
    cutoff = timezone.now() - timedelta(days=unanswered_after_days)
    waiting = Contribution.Status.WAITING
    theirs = Contribution.objects.filter(project=project, member_kind=EXPERIENCE)
    counts = theirs.aggregate(
        total=Count("pk"),
        answered=Count("pk", filter=~Q(status=waiting)),
        adopted=Count("pk", filter=Q(status__in=["adopted", "adapted"])),
        overdue=Count("pk", filter=Q(status=waiting, raised_at__lt=cutoff)),
    )
    # A median is not portable SQL: fetch the two dates of each answered idea (one query).
    pairs = (
        theirs.exclude(status=waiting)
        .filter(responded_at__isnull=False)
        .order_by()
        .values_list("raised_at", "responded_at")
    )
    days = tuple(
        max(0.0, (answered - raised).total_seconds() / 86400) for raised, answered in pairs
    )
    return counts, days


def record_read(*, project: Project, limits: dict | None = None) -> Record:
    """Everything the evidence needs about one project, in at most seven queries."""
    limits = limits or thresholds()
    reached, started_on, design_began = _stages(project)
    experts = _experts(project, design_began or started_on)
    decided, shared, unshared_titles = _decisions(project)
    people, expert_people, expert_stages = _participation(project)
    counts, days = _contributions(project, int(limits["unanswered_after_days"]))
    return Record(
        project=project,
        stages_reached=reached,
        started_on=started_on,
        design_began=design_began,
        experts_ever=experts["ever"],
        experts_at_reference=experts["at_reference"],
        first_expert_joined=experts["first_joined"],
        decided=decided,
        decided_shared=shared,
        unshared_titles=unshared_titles,
        experience_stages=frozenset(expert_stages),
        participants=len(people),
        experience_participants=len(expert_people),
        contributions=counts["total"],
        answered=counts["answered"],
        adopted=counts["adopted"],
        overdue=counts["overdue"],
        response_days=days,
    )


# --- Words ----------------------------------------------------------------------------------


def long_date(day: date) -> str:
    return dateformat.format(day, "j F Y")


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def share_of(part: int, whole: int, noun: str) -> str:
    return f"{part} of {whole} {noun} ({percent(part / whole)})"


def join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def stage_names(stages: Iterable[str]) -> str:
    return join_words([Stage(stage).label for stage in stages])


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _half_answered(median_days) -> str:
    if median_days < 1:
        return "Half the answers came within a day of the idea being raised."
    within = _plural(median_days, "day", "days")
    return f"Half the answers came within {within} of the idea being raised."


def _has(count: int) -> str:
    return "has" if count == 1 else "have"


# --- The signals ----------------------------------------------------------------------------

SignalProvider = Callable[[Record, dict], Signal]
_providers: dict[str, SignalProvider] = {}


def register_signal(
    key: str, *, replace: bool = False
) -> Callable[[SignalProvider], SignalProvider]:
    """Register the function that works out the signal `key`. Registration order is display
    order; `replace=True` lets another app supply real data for a signal kept here."""

    def register(provider: SignalProvider) -> SignalProvider:
        if key in _providers and not replace:
            raise ValueError(f"A signal called {key!r} is already registered")
        _providers[key] = provider
        return provider

    return register


def signal_keys() -> list[str]:
    return list(_providers)


def signals_for(record: Record, limits: dict | None = None) -> list[Signal]:
    limits = limits or thresholds()
    return [provider(record, limits) for provider in _providers.values()]


@register_signal("involved_from_start")
def involved_from_start(record: Record, limits: dict) -> Signal:
    when = "the design stage began" if record.design_reached else "the project started"
    on = long_date(record.reference_date)
    common = {
        "key": "involved_from_start",
        "name": "Involved from the start",
        "value": record.experts_at_reference,
        "threshold": "At least one expert by experience is a member before the design begins",
    }
    if record.experts_ever == 0:
        return Signal(
            **common,
            display="No experts by experience are members",
            met=False,
            reason="No people who use the service are members of this project.",
        )
    if record.experts_at_reference:
        return Signal(
            **common,
            display=f"{_plural(record.experts_at_reference, 'expert', 'experts')} by experience "
            f"when {when} ({on})",
            met=True,
            reason=f"People who use the service were members when {when}, so they could shape "
            "it from the start.",
        )
    return Signal(
        **common,
        display=f"None when {when} ({on})",
        met=False,
        reason=f"Experts by experience first joined on {long_date(record.first_expert_joined)}, "
        f"after {when} on {on}.",
    )


@register_signal("whole_life")
def whole_life(record: Record, limits: dict) -> Signal:
    reached = record.stages_reached
    covered = [stage for stage in reached if stage in record.experience_stages]
    missing = [stage for stage in reached if stage not in record.experience_stages]
    met = bool(reached) and not missing
    if met:
        reason = f"Experts by experience took part in every stage so far: {stage_names(reached)}."
    elif not covered:
        reason = "Experts by experience have not voted or raised anything in any stage yet."
    else:
        reason = f"Experts by experience took no part in the {stage_names(missing)} " + (
            "stage." if len(missing) == 1 else "stages."
        )
    return Signal(
        key="whole_life",
        name="Involved in every stage",
        value=len(covered),
        display=f"{len(covered)} of {_plural(len(reached), 'stage', 'stages')}",
        threshold="Experts by experience take part in every stage the project has reached",
        met=met,
        reason=reason,
    )


@register_signal("shared_decisions")
def shared_decisions(record: Record, limits: dict) -> Signal:
    most = limits["coproduce_shared_decisions"]
    threshold = (
        f"Most decisions ({percent(most)} or more) have at least one expert by experience "
        "taking part, each decision counting the same"
    )
    if not record.decided:
        return Signal(
            key="shared_decisions",
            name="Decisions shared",
            value=None,
            display="No decisions made yet",
            threshold=threshold,
            met=None,
            reason="No decisions have been made yet, so there is nothing to count.",
        )
    share = record.decided_shared / record.decided
    return Signal(
        key="shared_decisions",
        name="Decisions shared",
        value=round(share, 4),
        display=share_of(record.decided_shared, record.decided, "decisions"),
        threshold=threshold,
        met=share >= most,
        reason=f"Experts by experience took part in {record.decided_shared} of the "
        f"{_plural(record.decided, 'decision', 'decisions')} made.",
    )


def _no_contributions(key: str, name: str, threshold: str) -> Signal:
    return Signal(
        key=key,
        name=name,
        value=None,
        display="Nothing raised yet",
        threshold=threshold,
        met=None,
        reason="Experts by experience have not raised any ideas or concerns yet.",
    )


@register_signal("influence")
def influence(record: Record, limits: dict) -> Signal:
    most = limits["coproduce_answered"]
    threshold = f"Most ideas and concerns ({percent(most)} or more) get an answer"
    if not record.contributions:
        return _no_contributions("influence", "Ideas answered", threshold)
    share = record.answered / record.contributions
    return Signal(
        key="influence",
        name="Ideas answered",
        value=round(share, 4),
        display=share_of(record.answered, record.contributions, "answered"),
        threshold=threshold,
        met=share >= most,
        reason=f"{record.answered} of the "
        f"{_plural(record.contributions, 'idea or concern', 'ideas and concerns')} raised by "
        f"experts by experience {_has(record.answered)} had an answer.",
    )


@register_signal("adopted")
def adopted(record: Record, limits: dict) -> Signal:
    some = limits["engage_adopted"]
    threshold = f"Some ideas ({percent(some)} or more) are adopted or adapted"
    if not record.contributions:
        return _no_contributions("adopted", "Ideas acted on", threshold)
    share = record.adopted / record.contributions
    return Signal(
        key="adopted",
        name="Ideas acted on",
        value=round(share, 4),
        display=share_of(record.adopted, record.contributions, "adopted or adapted"),
        threshold=threshold,
        met=share >= some,
        reason=f"{record.adopted} of the "
        f"{_plural(record.contributions, 'idea or concern', 'ideas and concerns')} raised by "
        "experts by experience changed what was done.",
    )


@register_signal("response_days")
def response_days(record: Record, limits: dict) -> Signal:
    days = limits["response_days"]
    threshold = f"Half the answers or more come within {days} days"
    if not record.response_days:
        return Signal(
            key="response_days",
            name="Time to answer",
            value=None,
            display="No answers yet",
            threshold=threshold,
            met=None,
            reason="No idea or concern from an expert by experience has been answered yet.",
        )
    median = round(statistics.median(record.response_days), 1)
    shown = int(median) if median == int(median) else median
    return Signal(
        key="response_days",
        name="Time to answer",
        value=median,
        display="Less than a day (the median)"
        if shown < 1
        else f"{_plural(shown, 'day', 'days')} (the median)",
        threshold=threshold,
        met=median <= days,
        reason=_half_answered(shown),
    )


@register_signal("balance")
def balance(record: Record, limits: dict) -> Signal:
    least = limits["balance"]
    threshold = f"Experts by experience are {percent(least)} or more of the people taking part"
    if not record.participants:
        return Signal(
            key="balance",
            name="Balance of voices",
            value=None,
            display="Nobody has taken part yet",
            threshold=threshold,
            met=None,
            reason="Nobody has voted or raised anything yet.",
        )
    share = record.experience_participants / record.participants
    return Signal(
        key="balance",
        name="Balance of voices",
        value=round(share, 4),
        display=share_of(record.experience_participants, record.participants, "people"),
        threshold=threshold,
        met=share >= least,
        reason=f"{record.experience_participants} of the "
        f"{_plural(record.participants, 'person', 'people')} who voted or raised something "
        + (
            "is an expert by experience."
            if record.experience_participants == 1
            else "are experts by experience."
        ),
    )


@register_signal("access")
def access(record: Record, limits: dict) -> Signal:
    return Signal(
        key="access",
        name="Access",
        value=None,
        display=NO_DATA,
        threshold="Meetings at times and places that suit members, with their access needs met",
        met=None,
        reason="No data yet: this comes from meetings, which are not recorded yet.",
        source="meetings",
    )


@register_signal("reciprocity")
def reciprocity(record: Record, limits: dict) -> Signal:
    return Signal(
        key="reciprocity",
        name="Something back",
        value=None,
        display=NO_DATA,
        threshold="People who give their time get something back: payment, credits or thanks",
        met=None,
        reason="No data yet: this comes from payments and thanks, which are not recorded yet.",
        source="reciprocity",
    )
