"""The rule set: from signals to a step on the staircase.

Each rule is a small class for one step, with its own test (tests/projects/test_rule_*.py). The
rules are tried from the top step down and the first that applies places the project; every rule
also says, in one sentence, why it applies or what is missing, so the page can show what it
would take to go up a step. Thresholds come from `thresholds()` (defaults in one dict, the
STAIRCASE_RULES setting overrides them). docs/decisions/0006-staircase-rules.md has the table.

| step       | applies when                                                                   |
| ---------- | ------------------------------------------------------------------------------ |
| co-produce | from the start, every stage reached, decisions shared >= 75%, answered >= 75%  |
| co-design  | decisions shared >= 50% (but joined late, or not in every stage, or ...)       |
| engage     | answered >= 75% and adopted >= 25%; or some decisions shared, fewer than 50%   |
| consult    | experts by experience voted or raised something, and none of the above         |
| inform     | experts by experience are members, or the project is published                 |
| educate    | otherwise: no experts by experience and nothing published                      |

"Coerce" is never placed: nothing in the record shows penalties for not going along.
"""

from dataclasses import dataclass

from copro.projects.evidence.signals import Record, Signal, join_words, percent
from copro.projects.evidence.thresholds import DEFAULT_RULES, thresholds

__all__ = ["DEFAULT_RULES", "RULES", "RuleOutcome", "place", "thresholds"]

Signals = dict[str, Signal]


@dataclass(frozen=True)
class RuleOutcome:
    rule: str  # the rule's key: the slug of the step it places
    applies: bool
    reason: str

    @property
    def step(self) -> str:
        return self.rule


def _at_least(signal: Signal, share: float) -> bool:
    return signal.value is not None and signal.value >= share


class Rule:
    """Places a project on `step` when `check` says it applies."""

    step: str = ""

    def check(self, record: Record, signals: Signals, limits: dict) -> RuleOutcome:
        raise NotImplementedError

    def outcome(self, applies: bool, reason: str) -> RuleOutcome:
        return RuleOutcome(rule=self.step, applies=applies, reason=reason)


class CoProduce(Rule):
    step = "co-produce"

    def check(self, record, signals, limits):
        shared, answered = limits["coproduce_shared_decisions"], limits["coproduce_answered"]
        missing = []
        if not signals["involved_from_start"].met:
            missing.append("be members before the design begins")
        if not signals["whole_life"].met:
            missing.append("take part in every stage")
        if not _at_least(signals["shared_decisions"], shared):
            missing.append(f"take part in {percent(shared)} or more of the decisions")
        if not _at_least(signals["influence"], answered):
            missing.append(f"have {percent(answered)} or more of their ideas answered")
        if missing:
            return self.outcome(
                False,
                "For co-production, experts by experience would also need to "
                f"{join_words(missing)}.",
            )
        return self.outcome(
            True,
            "Experts by experience were there from the start and in every stage, took part in "
            f"{signals['shared_decisions'].display}, and {record.answered} of their "
            f"{record.contributions} ideas and concerns were answered.",
        )


class CoDesign(Rule):
    step = "co-design"

    def check(self, record, signals, limits):
        half = limits["codesign_shared_decisions"]
        decisions = signals["shared_decisions"]
        if _at_least(decisions, half):
            return self.outcome(
                True,
                f"Experts by experience took part in {decisions.display}, so they had real "
                "influence, but not yet as equals from start to finish.",
            )
        if decisions.value is None:
            return self.outcome(False, "For co-design, decisions need to be made together.")
        return self.outcome(
            False,
            f"For co-design, experts by experience would need to take part in {percent(half)} "
            f"or more of the decisions, not {decisions.display}.",
        )


class Engage(Rule):
    step = "engage"

    def check(self, record, signals, limits):
        answered, adopted = signals["influence"], signals["adopted"]
        decisions = signals["shared_decisions"]
        if _at_least(answered, limits["engage_answered"]) and _at_least(
            adopted, limits["engage_adopted"]
        ):
            return self.outcome(
                True,
                f"{record.answered} of the {record.contributions} ideas from experts by "
                f"experience were answered and {record.adopted} changed what was done, but they "
                "did not share most decisions.",
            )
        if decisions.value and decisions.value < limits["codesign_shared_decisions"]:
            return self.outcome(
                True,
                f"Experts by experience took part in some decisions ({decisions.display}), but "
                "in fewer than half of them.",
            )
        return self.outcome(
            False,
            f"For engagement, {percent(limits['engage_answered'])} or more of the ideas from "
            f"experts by experience need an answer and {percent(limits['engage_adopted'])} or "
            "more need to change what is done.",
        )


class Consult(Rule):
    step = "consult"

    def check(self, record, signals, limits):
        if not record.views_gathered:
            return self.outcome(
                False, "Experts by experience have not yet been asked for their views."
            )
        if not _at_least(signals["influence"], limits["engage_answered"]):
            return self.outcome(
                True,
                "Experts by experience gave their views, but many have had no answer and they "
                "did not share in the decisions.",
            )
        return self.outcome(
            True,
            "Experts by experience gave their views and got answers, but little of what they "
            "said changed what was done and they did not share in the decisions.",
        )


class Inform(Rule):
    step = "inform"

    def check(self, record, signals, limits):
        published = record.project.visibility == record.project.Visibility.PUBLIC
        if record.experts_ever:
            return self.outcome(
                True,
                "Experts by experience are members and can see what is happening, but have "
                "not voted or raised anything yet.",
            )
        if published:
            return self.outcome(
                True,
                "No experts by experience are members. The project is published, so people "
                "can read what was decided and why.",
            )
        return self.outcome(
            False, "No experts by experience are members and the project is not published."
        )


class Educate(Rule):
    step = "educate"

    def check(self, record, signals, limits):
        return self.outcome(
            True,
            "No experts by experience are members and nothing is published, so at most people "
            "are told about the service.",
        )


# From the top of the staircase down; the first rule that applies places the project.
RULES: tuple[Rule, ...] = (CoProduce(), CoDesign(), Engage(), Consult(), Inform(), Educate())


def place(
    record: Record, signals: Signals, limits: dict | None = None
) -> tuple[RuleOutcome, list[RuleOutcome]]:
    """The outcome that places the project, and every rule checked on the way down."""
    limits = limits or thresholds()
    checked = []
    for rule in RULES:
        outcome = rule.check(record, signals, limits)
        checked.append(outcome)
        if outcome.applies:
            return outcome, checked
    raise AssertionError("the last rule always applies")  # pragma: no cover
