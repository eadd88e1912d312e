"""Fixed lists the learning pages use alongside the guidance's own rows (copro.framework).

`TIP_RESOURCES` says where to go next when someone would like more information about a tip:
Learn pages (by slug), a training level (by its order) and toolkit entries whose title holds
one of the words given. A tip not listed here still gets the training levels and the Learn
pages' index.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TipResources:
    learn_pages: tuple[str, ...]
    level: int
    toolkit_words: tuple[str, ...] = ()


TIP_RESOURCES: dict[str, TipResources] = {
    "skills-and-training": TipResources(("what-is-co-production",), 1, ("meeting",)),
    "clear-communication": TipResources(("right-environment", "glossary"), 1, ("meeting",)),
    "learning-and-improving": TipResources(("seven-steps",), 3, ("review",)),
    "right-people-right-time": TipResources(("principles",), 2, ("meeting",)),
    "patience-and-listening": TipResources(("right-environment",), 2),
    "knowing-needs": TipResources(("principles",), 2, ("meeting",)),
    "sharing-power": TipResources(("staircase", "is-and-is-not"), 2, ("power",)),
}

# Staircase ordering: position 1 is the bottom step, where citizens have the least power.
ORDERING_INTRO = (
    "Put the steps of the staircase in order. Position 1 is the bottom step, where citizens "
    "have the least power. The top position is the step where power is shared the most."
)

# How many past check-ins the history tables and the growth chart show.
HISTORY_LENGTH = 6
