"""The result of an analysis, and its JSON form (see SCHEMA.md and ``schema()``)."""

from __future__ import annotations

from dataclasses import dataclass

from copro.plainenglish.findings import FINDING_KINDS, Finding
from copro.plainenglish.readability import Readability
from copro.plainenglish.verdict import Verdict

# The version of the JSON shape. Raise the first number when a field is removed or
# changes meaning; raise the second when a field is added.
REPORT_VERSION = "1.1"  # 1.1: settings.standard and the Easy Read kinds


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == original[start:end]``; it always holds at least one word."""

    start: int
    end: int
    text: str
    word_count: int

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "word_count": self.word_count,
        }


@dataclass(frozen=True, slots=True)
class Report:
    version: str
    long_sentence_words: int
    readability: Readability
    verdict: Verdict
    sentences: tuple[Sentence, ...]
    findings: tuple[Finding, ...]  # sorted by (start, end, kind)
    standard: str = "plain"  # or "easy_read" (see easy_read.py)

    def count(self, kind: str) -> int:
        return sum(1 for finding in self.findings if finding.kind == kind)

    def to_dict(self) -> dict[str, object]:
        """A dict of plain JSON types (str, int, float, None, list, dict), always the same
        keys in the same order for the same input."""
        counts = dict.fromkeys(FINDING_KINDS, 0)
        for finding in self.findings:
            counts[finding.kind] += 1
        return {
            "version": self.version,
            "settings": {
                "long_sentence_words": self.long_sentence_words,
                "standard": self.standard,
            },
            "verdict": self.verdict.to_dict(),
            "readability": self.readability.to_dict(),
            "finding_counts": counts,
            "findings": [finding.to_dict() for finding in self.findings],
            "sentences": [sentence.to_dict() for sentence in self.sentences],
        }
