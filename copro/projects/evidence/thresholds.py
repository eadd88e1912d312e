"""The staircase rules' thresholds: one dict of defaults, which the STAIRCASE_RULES setting may
override key by key (docs/decisions/0006-staircase-rules.md explains each one).

The signals use them for their "met" and "threshold" text and the rules use them to choose the
step, so both always agree.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Shares are fractions from 0 to 1; days and steps are whole numbers.
DEFAULT_RULES: dict[str, float | int] = {
    # Co-produce: "most" decisions shared and "most" ideas from experts by experience answered.
    "coproduce_shared_decisions": 0.75,
    "coproduce_answered": 0.75,
    # Co-design: at least half of the decisions shared.
    "codesign_shared_decisions": 0.5,
    # Engage: most ideas answered and some of them adopted or adapted.
    "engage_answered": 0.75,
    "engage_adopted": 0.25,
    # Balance: experts by experience are at least this share of the people taking part.
    "balance": 0.5,
    # Answers should come within this many days (the median), and an idea still waiting after
    # this many days counts as left unanswered.
    "response_days": 28,
    "unanswered_after_days": 28,
    # Members' own view this many steps or more above the evidence is flagged.
    "self_assessment_gap": 2,
    # Influence gates co-design too: at least half of the ideas answered with substance.
    "codesign_answered": 0.5,
    # "Being considered" counts as an answer only for this many days after it was given.
    "considering_counts_days": 42,
    # A decision is shared only when experts by experience had a real voice in it: at least
    # this many of them took a position (not an abstention) and they were at least this share
    # of the people who did (docs/decisions/0024-evidence-rules-v2.md says why).
    "real_voice_min": 2,
    "real_voice_share": 0.3,
    # What each kind of decision weighs in the share of decisions shared. Arrangements (the
    # next meeting's date) weigh nothing: they neither dilute nor inflate the share.
    "weight_plan": 3,
    "weight_money": 3,
    "weight_roles": 2,
    "weight_way_of_working": 1,
    "weight_arrangements": 0,
    "weight_other": 1,
    # Equality: experts by experience as a share of the current members.
    "coproduce_members": 0.4,
    "codesign_members": 0.25,
    # Reciprocity: share of their attendances that got something back other than expenses.
    "coproduce_reciprocity": 0.9,
    "codesign_reciprocity": 0.5,
    # Access: requested arrangements in place and papers in time (co-produce also needs
    # meetings spread over the week).
    "coproduce_arrangements": 0.9,
    "codesign_arrangements": 0.5,
    "coproduce_papers": 0.75,
    "codesign_papers": 0.5,
    # Enough evidence to judge: this many weighed decisions, or this many ideas raised by
    # experts by experience.
    "enough_decisions": 3,
    "enough_ideas": 3,
}

_SHARES = {
    "coproduce_shared_decisions",
    "coproduce_answered",
    "codesign_shared_decisions",
    "engage_answered",
    "engage_adopted",
    "balance",
    "codesign_answered",
    "real_voice_share",
    "coproduce_members",
    "codesign_members",
    "coproduce_reciprocity",
    "codesign_reciprocity",
    "coproduce_arrangements",
    "codesign_arrangements",
    "coproduce_papers",
    "codesign_papers",
}


def thresholds() -> dict[str, float | int]:
    """The defaults with the STAIRCASE_RULES setting applied. A wrong key or value fails loudly
    rather than quietly placing projects on the wrong step."""
    overrides = getattr(settings, "STAIRCASE_RULES", None) or {}
    unknown = set(overrides) - set(DEFAULT_RULES)
    if unknown:
        raise ImproperlyConfigured(f"STAIRCASE_RULES has unknown keys: {sorted(unknown)}")
    merged = {**DEFAULT_RULES, **overrides}
    for key, value in merged.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ImproperlyConfigured(f"STAIRCASE_RULES[{key!r}] must be a number")
        if key in _SHARES and not 0 <= value <= 1:
            raise ImproperlyConfigured(f"STAIRCASE_RULES[{key!r}] must be between 0 and 1")
        if key not in _SHARES and (value < 0 or value != int(value)):
            raise ImproperlyConfigured(f"STAIRCASE_RULES[{key!r}] must be a whole number")
    if merged["codesign_shared_decisions"] > merged["coproduce_shared_decisions"]:
        raise ImproperlyConfigured(
            "STAIRCASE_RULES: co-design cannot need more shared decisions than co-produce"
        )
    return merged
