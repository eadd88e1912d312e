"""The four principles for one project, each from the same evidence, in a plain sentence, and
the highest step each one allows (docs/decisions/0024-evidence-rules-v2.md).

A principle that is "not yet" shown below a step's threshold holds the project below that step.
"No data yet" is said as such and is never read as "not met": it does not hold a project below
co-design, but co-production needs reciprocity and access shown, not just not disproved.
Diversity has no project data yet, so it holds nothing down and says so.
"""

from dataclasses import dataclass

from copro.projects.evidence.signals import Signal, percent
from copro.projects.evidence.thresholds import thresholds

SHOWN, NOT_YET, NO_DATA = "shown", "not_yet", "no_data"
LABELS = {SHOWN: "Shown", NOT_YET: "Not yet", NO_DATA: "No data yet"}
COPRODUCE, CODESIGN, ENGAGE = "co-produce", "co-design", "engage"


@dataclass(frozen=True)
class PrincipleScore:
    slug: str
    name: str
    status: str  # shown, not_yet or no_data
    reason: str
    allows: str = COPRODUCE  # the highest step this principle allows
    lift: str = ""  # what would lift it to co-produce

    @property
    def label(self) -> str:
        return LABELS[self.status]

    def allows_step(self, step: str) -> bool:
        order = (ENGAGE, CODESIGN, COPRODUCE)
        return step not in order or order.index(self.allows) >= order.index(step)


def _level(value: float | None, limits: dict, name: str) -> str:
    if value is not None and value >= limits[f"coproduce_{name}"]:
        return COPRODUCE
    if value is not None and value >= limits[f"codesign_{name}"]:
        return CODESIGN
    return ENGAGE


def _equality(signals: dict[str, Signal], limits: dict) -> PrincipleScore:
    members, decisions = signals["members"], signals["shared_decisions"]
    if members.value is None:
        return PrincipleScore(
            "equality", "Equality", NO_DATA, "No data yet: the project has no members.", ENGAGE
        )
    allows = _level(members.value, limits, "members")
    parts = [f"experts by experience are {members.display}"]
    if decisions.met is not None:
        parts.append(f"they had a real voice in {decisions.display}")
    status = SHOWN if members.met and decisions.met is not False else NOT_YET
    lift = ""
    if allows != COPRODUCE:
        lift = (
            f"More experts by experience as members: {percent(limits['coproduce_members'])} or "
            "more of the members for co-production, "
            f"{percent(limits['codesign_members'])} for co-design."
        )
    sentence = "; ".join(parts)
    return PrincipleScore(
        "equality", "Equality", status, sentence[0].upper() + sentence[1:] + ".", allows, lift
    )


def _reciprocity(signal: Signal, limits: dict) -> PrincipleScore:
    lift = (
        "Give experts by experience something back for their time each time they come "
        "(payment, time credits or recognition, not only their expenses): "
        f"{percent(limits['coproduce_reciprocity'])} of the times they come for co-production."
    )
    if signal.met is None:
        return PrincipleScore("reciprocity", "Reciprocity", NO_DATA, signal.reason, CODESIGN, lift)
    allows = _level(signal.value, limits, "reciprocity")
    status = SHOWN if allows == COPRODUCE else NOT_YET
    return PrincipleScore(
        "reciprocity", "Reciprocity", status, signal.reason, allows, "" if status == SHOWN else lift
    )


def _access_level(signal: Signal, limits: dict) -> str:
    parts = signal.parts
    arrangements, papers = parts.get("arrangements"), parts.get("papers")

    def at_least(value: float | None, step: str, name: str) -> bool:
        return value is None or value >= limits[f"{step}_{name}"]

    if (
        parts.get("spread_ok", False)
        and at_least(arrangements, "coproduce", "arrangements")
        and at_least(papers, "coproduce", "papers")
    ):
        return COPRODUCE
    if at_least(arrangements, "codesign", "arrangements") and at_least(
        papers, "codesign", "papers"
    ):
        return CODESIGN
    return ENGAGE


def _from_met(signal: Signal) -> str:
    return COPRODUCE if signal.met else ENGAGE


def _access(signal: Signal, limits: dict) -> PrincipleScore:
    lift = (
        "Hold meetings on different days and at different times, put requested access "
        f"arrangements in place before the meeting ({percent(limits['coproduce_arrangements'])} "
        f"or more) and send papers in time ({percent(limits['coproduce_papers'])} or more)."
    )
    if signal.met is None:
        return PrincipleScore("access", "Access", NO_DATA, signal.reason, CODESIGN, lift)
    # A provider without parts (the placeholder) gives only met / not met.
    allows = _access_level(signal, limits) if signal.parts else _from_met(signal)
    status = SHOWN if allows == COPRODUCE else NOT_YET
    return PrincipleScore(
        "access", "Access", status, signal.reason, allows, "" if status == SHOWN else lift
    )


def principles_scorecard(
    *, signals: dict[str, Signal], limits: dict | None = None
) -> list[PrincipleScore]:
    limits = limits or thresholds()
    return [
        _equality(signals, limits),
        PrincipleScore(
            "diversity",
            "Diversity",
            NO_DATA,
            "No data yet: this would come from equality monitoring, which is not summarised "
            "for projects yet, so it holds nothing down.",
        ),
        _access(signals["access"], limits),
        _reciprocity(signals["reciprocity"], limits),
    ]
