"""A finding is one thing in the text that may make it harder to read.

Kinds:

- ``long_sentence``: a sentence with more words than the limit. It covers the whole
  sentence, so it may contain findings of the other kinds.
- ``jargon``: a word or phrase from the jargon list.
- ``co_prefix``: a needless "co-" in front of a word ("co-deliver").
- ``acronym``: capital letters used before they are spelt out.
- ``passive``: words that may be in the passive voice (a guess).
- Easy Read only (``analyse(text, standard="easy_read")``, see easy_read.py): ``two_ideas``
  (a whole sentence, like long_sentence), ``number_word`` and ``abbreviation``. These are
  reported as they are and are not part of the overlap rule below.

The last four are "span" kinds: findings of these kinds never overlap each other.
When two would overlap, the longer one is kept; if they are the same length, the one
that starts first; then jargon before co_prefix before acronym before passive.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

LONG_SENTENCE = "long_sentence"
JARGON = "jargon"
CO_PREFIX = "co_prefix"
ACRONYM = "acronym"
PASSIVE = "passive"
TWO_IDEAS = "two_ideas"
NUMBER_WORD = "number_word"
ABBREVIATION = "abbreviation"

EASY_READ_KINDS = (ABBREVIATION, NUMBER_WORD, TWO_IDEAS)
FINDING_KINDS = (ABBREVIATION, ACRONYM, CO_PREFIX, JARGON, LONG_SENTENCE, NUMBER_WORD, PASSIVE,
                 TWO_IDEAS)  # fmt: skip
# Span kinds, in the order that wins a tie.
SPAN_KIND_PRIORITY = {JARGON: 0, CO_PREFIX: 1, ACRONYM: 2, PASSIVE: 3}


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding. ``text`` is always ``original[start:end]`` (character offsets)."""

    kind: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def resolve_overlaps(candidates: list[Finding]) -> list[Finding]:
    """Keep a set of span findings with no overlaps, by the rule in this module's notes.

    Findings that overlap form clusters; the rule is applied inside each cluster, so
    the work grows with the size of the clusters rather than the whole text.
    """
    ordered = sorted(candidates, key=lambda f: (f.start, f.end, SPAN_KIND_PRIORITY[f.kind]))
    kept: list[Finding] = []
    cluster: list[Finding] = []
    cluster_end = -1
    for finding in ordered:
        if cluster and finding.start >= cluster_end:
            kept.extend(_pick(cluster))
            cluster = []
        cluster_end = max(cluster_end, finding.end) if cluster else finding.end
        cluster.append(finding)
    kept.extend(_pick(cluster))
    return kept


def _pick(cluster: list[Finding]) -> list[Finding]:
    if len(cluster) < 2:
        return cluster
    starts: list[int] = []  # the chosen findings, kept sorted by start
    chosen: list[Finding] = []
    for finding in sorted(cluster, key=_preference):
        place = bisect.bisect_left(starts, finding.start)
        if place < len(chosen) and chosen[place].start < finding.end:
            continue  # overlaps the next chosen finding
        if place > 0 and chosen[place - 1].end > finding.start:
            continue  # overlaps the previous chosen finding
        starts.insert(place, finding.start)
        chosen.insert(place, finding)
    return chosen


def _preference(finding: Finding) -> tuple[int, int, int, str]:
    return (
        finding.start - finding.end,  # longer first
        finding.start,
        SPAN_KIND_PRIORITY[finding.kind],
        finding.message,
    )


def sort_key(finding: Finding) -> tuple[int, int, str]:
    return (finding.start, finding.end, finding.kind)
