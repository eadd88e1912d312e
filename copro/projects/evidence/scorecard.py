"""The four principles for one project, each from the same evidence, in a plain sentence.

Where the service does not record what a principle needs yet, the score says "No data yet"
rather than guessing.
"""

from dataclasses import dataclass

from copro.projects.evidence.signals import Signal

SHOWN, NOT_YET, NO_DATA = "shown", "not_yet", "no_data"
LABELS = {SHOWN: "Shown", NOT_YET: "Not yet", NO_DATA: "No data yet"}


@dataclass(frozen=True)
class PrincipleScore:
    slug: str
    name: str
    status: str  # shown, not_yet or no_data
    reason: str

    @property
    def label(self) -> str:
        return LABELS[self.status]


def _equality(signals: dict[str, Signal]) -> PrincipleScore:
    balance, decisions = signals["balance"], signals["shared_decisions"]
    known = [s for s in (balance, decisions) if s.met is not None]
    if not known:
        return PrincipleScore(
            "equality",
            "Equality",
            NO_DATA,
            "No data yet: nobody has voted or raised anything, and no decisions have been made.",
        )
    parts = []
    if balance.met is not None:
        parts.append(f"experts by experience are {balance.display} who took part")
    if decisions.met is not None:
        parts.append(f"they took part in {decisions.display}, each voice counting the same")
    status = SHOWN if all(s.met for s in known) else NOT_YET
    sentence = "; ".join(parts)
    return PrincipleScore("equality", "Equality", status, sentence[0].upper() + sentence[1:] + ".")


def _from_signal(slug: str, name: str, signal: Signal) -> PrincipleScore:
    if signal.met is None:
        return PrincipleScore(slug, name, NO_DATA, signal.reason)
    return PrincipleScore(slug, name, SHOWN if signal.met else NOT_YET, signal.reason)


def principles_scorecard(*, signals: dict[str, Signal]) -> list[PrincipleScore]:
    return [
        _equality(signals),
        PrincipleScore(
            "diversity",
            "Diversity",
            NO_DATA,
            "No data yet: this comes from equality monitoring, which is not summarised for "
            "projects yet.",
        ),
        _from_signal("access", "Access", signals["access"]),
        _from_signal("reciprocity", "Reciprocity", signals["reciprocity"]),
    ]
