"""The rule set: from signals and the four principles to a step on the staircase.

Each rule is a small class for one step, with its own test (tests/projects/test_rule_*.py). The
rules are tried from the top step down and the first that applies places the project; every rule
also says, in one sentence, why it applies or what is missing, so the page can show what it
would take to go up a step. Thresholds come from `thresholds()` (defaults in one dict, the
STAIRCASE_RULES setting overrides them). docs/decisions/0006-staircase-rules.md and
0024-evidence-rules-v2.md have the tables.

| step       | applies when                                                                   |
| ---------- | ------------------------------------------------------------------------------ |
| co-produce | from the start, every stage, decisions shared >= 75% by weight with a real      |
|            | voice, ideas answered >= 75%, and equality, access, reciprocity all shown       |
| co-design  | decisions shared >= 50%, ideas answered >= 50% (if any), and no principle below |
|            | its co-design threshold                                                        |
| engage     | answered >= 75% and adopted >= 25%; or some decisions shared                   |
| consult    | experts by experience voted or raised something, and none of the above         |
| inform     | experts by experience are members, or the project is published and has decided |
|            | something people can read                                                      |
| educate    | otherwise                                                                      |

"Coerce" is never placed: nothing in the record shows penalties for not going along.
A change to what these rules decide changes RULES_VERSION; `copro replace_projects` then
places every project again and the trend marks the change.
"""

from dataclasses import dataclass

from copro.projects.evidence.scorecard import PrincipleScore, principles_scorecard
from copro.projects.evidence.signals import Record, Signal, join_words, percent
from copro.projects.evidence.thresholds import DEFAULT_RULES, thresholds

__all__ = ["DEFAULT_RULES", "RULES", "RULES_VERSION", "RuleOutcome", "place", "thresholds"]

# Version 1: decisions and ideas only. Version 2 (issue 15): all four principles, real voices,
# weighed decisions, "being considered" for a while only, and only what counts as evidence.
RULES_VERSION = "2"

Signals = dict[str, Signal]


@dataclass(frozen=True)
class RuleOutcome:
    rule: str  # the rule's key: the slug of the step it places
    applies: bool
    reason: str
    held_by: tuple[str, ...] = ()  # the principles that stop this rule applying

    @property
    def step(self) -> str:
        return self.rule


def _at_least(signal: Signal, share: float) -> bool:
    return signal.value is not None and signal.value >= share


def _principles(signals: Signals, limits: dict, given) -> list[PrincipleScore]:
    return given if given is not None else principles_scorecard(signals=signals, limits=limits)


class Rule:
    """Places a project on `step` when `check` says it applies."""

    step: str = ""

    def check(self, record: Record, signals: Signals, limits: dict, principles=None):
        raise NotImplementedError

    def outcome(self, applies: bool, reason: str, held_by=()) -> RuleOutcome:
        return RuleOutcome(rule=self.step, applies=applies, reason=reason, held_by=tuple(held_by))

    def held_by(self, principles: list[PrincipleScore]) -> list[PrincipleScore]:
        return [p for p in principles if not p.allows_step(self.step)]


def _principle_words(held: list[PrincipleScore]) -> str:
    names = join_words([p.name.lower() for p in held])
    no_data = all(p.status == "no_data" for p in held)
    return f"{names} {'have no data yet' if no_data else 'must be shown'}"


class CoProduce(Rule):
    step = "co-produce"

    def _missing(self, record, signals, limits) -> list[str]:
        shared, answered = limits["coproduce_shared_decisions"], limits["coproduce_answered"]
        missing = []
        if not signals["involved_from_start"].met:
            missing.append("be members before the design begins")
        if not signals["whole_life"].met:
            missing.append("take part in every stage")
        if not _at_least(signals["shared_decisions"], shared):
            missing.append(f"have a real voice in {percent(shared)} or more of the decisions")
        if not _at_least(signals["influence"], answered):
            missing.append(f"have {percent(answered)} or more of their ideas answered")
        return missing

    def check(self, record, signals, limits, principles=None):
        principles = _principles(signals, limits, principles)
        missing = self._missing(record, signals, limits)
        held = self.held_by(principles)
        if missing or held:
            words = []
            if missing:
                words.append(f"experts by experience would also need to {join_words(missing)}")
            if held:
                words.append(f"{_principle_words(held)}")
            return self.outcome(
                False, f"For co-production, {'; and '.join(words)}.", [p.slug for p in held]
            )
        return self.outcome(
            True,
            "Experts by experience were there from the start and in every stage, had a real "
            f"voice in {signals['shared_decisions'].display}, {record.answered} of their "
            f"{record.contributions} ideas and concerns were answered, and equality, access and "
            "reciprocity are all shown.",
        )


class CoDesign(Rule):
    step = "co-design"

    def check(self, record, signals, limits, principles=None):
        principles = _principles(signals, limits, principles)
        half = limits["codesign_shared_decisions"]
        decisions, ideas = signals["shared_decisions"], signals["influence"]
        held = self.held_by(principles)
        if decisions.value is None:
            return self.outcome(False, "For co-design, decisions need to be made together.")
        if not _at_least(decisions, half):
            return self.outcome(
                False,
                f"For co-design, experts by experience would need a real voice in "
                f"{percent(half)} or more of the decisions, not {decisions.display}.",
            )
        if ideas.value is not None and ideas.value < limits["codesign_answered"]:
            return self.outcome(
                False,
                f"For co-design, {percent(limits['codesign_answered'])} or more of the ideas "
                f"from experts by experience need a real answer, not {ideas.display}.",
            )
        if held:
            return self.outcome(
                False,
                f"For co-design, {_principle_words(held)}: "
                + " ".join(p.lift for p in held if p.lift),
                [p.slug for p in held],
            )
        return self.outcome(
            True,
            f"Experts by experience had a real voice in {decisions.display}, so they had real "
            "influence, but not yet as equals from start to finish.",
        )


class Engage(Rule):
    step = "engage"

    def check(self, record, signals, limits, principles=None):
        answered, adopted = signals["influence"], signals["adopted"]
        decisions = signals["shared_decisions"]
        if _at_least(answered, limits["engage_answered"]) and _at_least(
            adopted, limits["engage_adopted"]
        ):
            return self.outcome(
                True,
                f"{record.answered} of the {record.contributions} ideas from experts by "
                f"experience were answered and {record.adopted} changed what was done, but "
                "power is not yet shared equally.",
            )
        if decisions.value:
            return self.outcome(
                True,
                f"Experts by experience had a real voice in some decisions "
                f"({decisions.display}), but power is not yet shared equally.",
            )
        return self.outcome(
            False,
            f"For engagement, {percent(limits['engage_answered'])} or more of the ideas from "
            f"experts by experience need an answer and {percent(limits['engage_adopted'])} or "
            "more need to change what is done, or they need a real voice in some decisions.",
        )


class Consult(Rule):
    step = "consult"

    def check(self, record, signals, limits, principles=None):
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

    def check(self, record, signals, limits, principles=None):
        # Published with nothing decided tells people nothing: not "inform".
        published = (
            record.project.visibility == record.project.Visibility.PUBLIC
            and (record.decided + record.trivial_decided) > 0
        )
        if record.experts_ever:
            return self.outcome(
                True,
                "Experts by experience are members and can see what is happening, but have "
                "not voted or raised anything yet.",
            )
        if published:
            return self.outcome(
                True,
                "No experts by experience are members. The project is published and has made "
                "decisions, so people can read what was decided and why.",
            )
        return self.outcome(
            False,
            "No experts by experience are members, and nothing decided is published for "
            "people to read.",
        )


class Educate(Rule):
    step = "educate"

    def check(self, record, signals, limits, principles=None):
        return self.outcome(
            True,
            "No experts by experience are members and nothing is published, so at most people "
            "are told about the service.",
        )


# From the top of the staircase down; the first rule that applies places the project.
RULES: tuple[Rule, ...] = (CoProduce(), CoDesign(), Engage(), Consult(), Inform(), Educate())


def place(
    record: Record, signals: Signals, limits: dict | None = None, principles=None
) -> tuple[RuleOutcome, list[RuleOutcome]]:
    """The outcome that places the project, and every rule checked on the way down."""
    limits = limits or thresholds()
    principles = _principles(signals, limits, principles)
    checked = []
    for rule in RULES:
        outcome = rule.check(record, signals, limits, principles)
        checked.append(outcome)
        if outcome.applies:
            return outcome, checked
    raise AssertionError("the last rule always applies")  # pragma: no cover
