"""Turn a report's findings into pieces of text a template can mark up, escaping as usual.

Long-sentence findings cover whole sentences and may contain the word-level findings, which
never overlap each other; so each piece of text has at most one of each.
"""

from dataclasses import dataclass

from copro.plainenglish import Finding, Report

KIND_NAMES = {
    "long_sentence": "Long sentence",
    "jargon": "Jargon",
    "co_prefix": "Needless 'co-'",
    "acronym": "Letters not spelt out",
    "passive": "May be passive",
    "two_ideas": "More than one idea",
    "number_word": "Number as a word",
    "abbreviation": "Short form",
}
KIND_PLURALS = {
    "long_sentence": "Long sentences",
    "jargon": "Words or phrases that may be jargon",
    "co_prefix": "Words that do not need 'co-' in front",
    "acronym": "Short forms (like NHS) not spelt out the first time",
    "passive": "Sentences that may be passive",
    "two_ideas": "Sentences that may hold more than one idea (Easy Read)",
    "number_word": "Numbers written as words (Easy Read)",
    "abbreviation": "Short forms of any kind (Easy Read)",
}


SENTENCE_KINDS = ("long_sentence", "two_ideas")  # cover whole sentences
EASY_READ_ONLY = ("two_ideas", "number_word", "abbreviation")


@dataclass(frozen=True)
class NumberedFinding:
    number: int
    finding: Finding

    @property
    def anchor(self) -> str:
        return f"finding-{self.number}"

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.finding.kind]

    @property
    def css_kind(self) -> str:
        return self.finding.kind.replace("_", "-")


@dataclass(frozen=True)
class Piece:
    text: str
    sentence: NumberedFinding | None
    sentence_starts: bool
    word: NumberedFinding | None
    word_starts: bool
    word_ends: bool


def numbered(report: Report) -> list[NumberedFinding]:
    return [NumberedFinding(n, f) for n, f in enumerate(report.findings, start=1)]


def pieces(text: str, findings: list[NumberedFinding]) -> list[Piece]:
    cuts = {0, len(text)}
    for item in findings:
        cuts.update((item.finding.start, item.finding.end))
    edges = sorted(cuts)
    sentences = [f for f in findings if f.finding.kind in SENTENCE_KINDS]
    words = [f for f in findings if f.finding.kind not in SENTENCE_KINDS]
    result = []
    for start, end in zip(edges, edges[1:], strict=False):
        if start == end:
            continue
        sentence = _covering(sentences, start, end)
        word = _covering(words, start, end)
        result.append(
            Piece(
                text=text[start:end],
                sentence=sentence,
                sentence_starts=sentence is not None and sentence.finding.start == start,
                word=word,
                word_starts=word is not None and word.finding.start == start,
                word_ends=word is not None and word.finding.end == end,
            )
        )
    return result


def _covering(items: list[NumberedFinding], start: int, end: int) -> NumberedFinding | None:
    for item in items:
        if item.finding.start <= start and end <= item.finding.end:
            return item
    return None


def counts(report: Report) -> list[tuple[str, int]]:
    kinds = [k for k in KIND_PLURALS if report.standard == "easy_read" or k not in EASY_READ_ONLY]
    return [(KIND_PLURALS[kind], report.count(kind)) for kind in kinds]
