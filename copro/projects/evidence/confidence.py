"""Enough evidence to judge, or say so.

A step is shown as the verdict only when the record holds enough to judge it: a few decisions
that matter (arrangements such as meeting dates do not count) or a few ideas from experts by
experience. Otherwise the page says "not enough evidence yet" and what is missing, rather than
calling an empty project "inform" or "educate".
"""

from dataclasses import dataclass

from copro.projects.evidence.provenance import ProvenanceCounts
from copro.projects.evidence.signals import Record

ENOUGH, NOT_ENOUGH = "enough", "not_enough"
LABELS = {ENOUGH: "Enough evidence", NOT_ENOUGH: "Not enough evidence yet"}


@dataclass(frozen=True)
class Confidence:
    level: str
    missing: tuple[str, ...]

    @property
    def enough(self) -> bool:
        return self.level == ENOUGH

    @property
    def label(self) -> str:
        return LABELS[self.level]

    def as_json(self) -> dict:
        return {"level": self.level, "label": self.label, "missing": list(self.missing)}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def confidence(*, record: Record, limits: dict, provenance: ProvenanceCounts) -> Confidence:
    decisions, ideas = int(limits["enough_decisions"]), int(limits["enough_ideas"])
    if record.decided >= decisions or record.contributions >= ideas:
        return Confidence(ENOUGH, ())
    missing = [
        f"{decisions} or more decisions that matter (meeting dates and other arrangements do "
        f"not count), or {ideas} or more ideas or concerns raised by experts by experience: "
        f"so far {_count(record.decided, 'decision', 'decisions')} and "
        f"{_count(record.contributions, 'idea', 'ideas')}"
    ]
    if not record.experts_ever:
        missing.append("experts by experience as members of the project")
    if provenance.awaiting:
        missing.append(
            f"{_count(provenance.awaiting, 'record', 'records')} entered for people or late, "
            "waiting for them to say whether it is right"
        )
    return Confidence(NOT_ENOUGH, tuple(missing))
