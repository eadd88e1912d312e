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
from dataclasses import dataclass, field
from datetime import date

from django.utils import dateformat

from copro.projects.evidence.record import (
    EXPERIENCE,
    WORKING_STAGES,
    Record,
    record_read,
    register_participation_source,
)
from copro.projects.evidence.thresholds import thresholds
from copro.projects.models import Stage

NO_DATA = "No data yet"
__all__ = [
    "EXPERIENCE",
    "NO_DATA",
    "WORKING_STAGES",
    "Record",
    "Signal",
    "record_read",
    "register_participation_source",
    "register_signal",
    "signals_for",
]


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
    # The parts of a signal that the rules weigh separately (access: spread, arrangements,
    # papers), when there are any.
    parts: dict = field(default_factory=dict, compare=False)

    def as_json(self) -> dict:
        return {"key": self.key, "value": self.value, "met": self.met}


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
        f"Most decisions ({percent(most)} or more, weighed by what they are about) had a real "
        f"voice from experts by experience: at least {limits['real_voice_min']} of them taking "
        f"a position, and at least {percent(limits['real_voice_share'])} of those who did"
    )
    trivial = ""
    if record.trivial_decided:
        trivial = (
            f" {_plural(record.trivial_decided, 'decision', 'decisions')} about arrangements, "
            "such as meeting dates, are not counted."
        )
    if not record.decided or not record.weight_decided:
        return Signal(
            key="shared_decisions",
            name="Decisions shared",
            value=None,
            display="No decisions made yet",
            threshold=threshold,
            met=None,
            reason="No decisions that matter have been made yet, so there is nothing to count."
            + trivial,
        )
    share = record.weight_shared / record.weight_decided
    token = ""
    if record.token_decided:
        token = (
            f" In {_plural(record.token_decided, 'other decision', 'other decisions')} their "
            "voice was too small to be real: one voice among many, or too few of them."
        )
    return Signal(
        key="shared_decisions",
        name="Decisions shared",
        value=round(share, 4),
        display=f"{record.decided_shared} of {record.decided} decisions ({percent(share)} "
        "by weight)",
        threshold=threshold,
        met=share >= most,
        reason=f"Experts by experience had a real voice in {record.decided_shared} of the "
        f"{_plural(record.decided, 'decision', 'decisions')} made.{token}{trivial}",
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
    threshold = (
        f"Most ideas and concerns ({percent(most)} or more) get a real answer; "
        f"\u201cbeing considered\u201d counts for {limits['considering_counts_days']} days only"
    )
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
        f"experts by experience {_has(record.answered)} had an answer."
        + (
            f" {record.stale_considering} of them {_has(record.stale_considering)} been left "
            f"as \u201cbeing considered\u201d for more than {limits['considering_counts_days']} "
            "days, which no longer counts as an answer."
            if record.stale_considering
            else ""
        ),
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


@register_signal("members")
def members(record: Record, limits: dict) -> Signal:
    least = limits["coproduce_members"]
    threshold = f"Experts by experience are {percent(least)} or more of the members"
    if not record.members_current:
        return Signal(
            key="members",
            name="Members by experience",
            value=None,
            display="No members yet",
            threshold=threshold,
            met=None,
            reason="The project has no members yet.",
        )
    share = record.experts_current / record.members_current
    return Signal(
        key="members",
        name="Members by experience",
        value=round(share, 4),
        display=share_of(record.experts_current, record.members_current, "members"),
        threshold=threshold,
        met=share >= least,
        reason=f"{record.experts_current} of the "
        f"{_plural(record.members_current, 'member', 'members')} are experts by experience.",
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
