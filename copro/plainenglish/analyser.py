"""``analyse()``: put the sentence splitter, the figures and the checks together."""

from __future__ import annotations

from copro.plainenglish import words as word_counting
from copro.plainenglish.acronyms import find_acronyms
from copro.plainenglish.addresses import address_spans, outside
from copro.plainenglish.co_prefix import find_co_prefixes
from copro.plainenglish.easy_read import (
    EASY_READ,
    EASY_READ_SENTENCE_WORDS,
    STANDARDS,
    easy_read_findings,
    easy_read_verdict,
)
from copro.plainenglish.findings import LONG_SENTENCE, Finding, resolve_overlaps, sort_key
from copro.plainenglish.jargon import find_jargon, jargon_index
from copro.plainenglish.passive import find_passives
from copro.plainenglish.readability import measure
from copro.plainenglish.report import REPORT_VERSION, Report, Sentence
from copro.plainenglish.sentences import sentence_spans
from copro.plainenglish.verdict import judge

DEFAULT_LONG_SENTENCE_WORDS = 25


def analyse(
    text: str,
    *,
    long_sentence_words: int = DEFAULT_LONG_SENTENCE_WORDS,
    standard: str = "plain",
) -> Report:
    """Check ``text`` for plain English and return a report.

    Works on any string (empty, any script, control characters, very long) and gives
    the same report for the same input. A sentence is long when it has more than
    ``long_sentence_words`` words. ``standard="easy_read"`` adds the Easy Read checks
    (easy_read.py) and a limit of 15 words at most.
    """
    if standard not in STANDARDS:
        raise ValueError(f"standard must be one of {', '.join(STANDARDS)}.")
    if not isinstance(text, str):
        raise TypeError(f"analyse() needs a str, not {type(text).__name__}.")
    if (
        isinstance(long_sentence_words, bool)
        or not isinstance(long_sentence_words, int)
        or long_sentence_words < 1
    ):
        raise ValueError("long_sentence_words must be a whole number of 1 or more.")
    if standard == EASY_READ:
        long_sentence_words = min(long_sentence_words, EASY_READ_SENTENCE_WORDS)
    sentences, syllables = _sentences(text)
    readability = measure(
        words=sum(sentence.word_count for sentence in sentences),
        sentences=len(sentences),
        syllables=syllables,
    )
    long_ones = [_long(sentence, long_sentence_words) for sentence in sentences]
    long_findings = [finding for finding in long_ones if finding is not None]
    span_findings = _span_findings(text, sentences)
    easy = easy_read_findings(text, sentences, span_findings) if standard == EASY_READ else []
    span_findings = [f for f in span_findings if not any(_same_place(f, e) for e in easy)]
    findings = sorted(long_findings + span_findings + easy, key=sort_key)
    verdict = judge(
        readability,
        long_sentences=len(long_findings),
        long_sentence_words=long_sentence_words,
    )
    if standard == EASY_READ:
        verdict = easy_read_verdict(verdict, long_findings + easy, long_sentence_words)
    return Report(
        version=REPORT_VERSION,
        long_sentence_words=long_sentence_words,
        readability=readability,
        verdict=verdict,
        sentences=tuple(sentences),
        findings=tuple(findings),
        standard=standard,
    )


def _same_place(span: Finding, easy: Finding) -> bool:
    """An Easy Read short form replaces the acronym finding at the same place."""
    return span.start < easy.end and easy.start < span.end and easy.kind == "abbreviation"


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` that hold at least one word, with their places."""
    return tuple(_sentences(text)[0])


def warm_up() -> None:
    """Load the word lists and the pronouncing dictionary now, not on the first request."""
    jargon_index()
    word_counting.warm_up()


def _sentences(text: str) -> tuple[list[Sentence], int]:
    sentences = []
    syllables = 0
    for start, end in sentence_spans(text):
        words, sentence_syllables = word_counting.count_words(text, start, end)
        if words:
            sentences.append(Sentence(start, end, text[start:end], words))
            syllables += sentence_syllables
    return sentences, syllables


def _span_findings(text: str, sentences: list[Sentence]) -> list[Finding]:
    addresses = address_spans(text)
    candidates = [
        *find_jargon(text),
        *find_co_prefixes(text),
        *find_acronyms(text, addresses),
        *find_passives(text, [(sentence.start, sentence.end) for sentence in sentences]),
    ]
    return resolve_overlaps(outside(candidates, addresses))


def _long(sentence: Sentence, limit: int) -> Finding | None:
    if sentence.word_count <= limit:
        return None
    return Finding(
        kind=LONG_SENTENCE,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        message=(
            f"This sentence has {sentence.word_count} words. "
            f"Sentences longer than {limit} words are hard to follow."
        ),
        suggestion="Split it into shorter sentences. Aim for 15 to 20 words in most of them.",
    )
