"""FUZZ-1: the analyser never fails, whatever the text, and its report always holds together.

Hypothesis settings only switch the deadline off: the number of examples comes from the
profile the project loads (dev, ci or nightly), or Hypothesis's default without one.
"""

import json
import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copro.plainenglish import VERDICT_LEVELS, analyse, schema
from copro.plainenglish.findings import SPAN_KIND_PRIORITY, Finding, resolve_overlaps

from .helpers import assert_report_is_sound
from .jsonschema_lite import errors

fuzz = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise every rule, mixed with arbitrary text.
FRAGMENTS = [
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u2029", "\u2028", "\x0c", ".", ". ", "!", "?", "...",
    "…", '"', "“", "”", "(", ")", "[", "]", "- ", "* ", "• ", "1. ", "2) ", "a) ", "(b) ", "# ",
    "e.g.", "i.e.", "etc.", "Mr", "Mrs.", "Dr.", "No. 5", "5.5", "£2.50", "J. ", "U.K.",
    "www.example.gov.uk/co-create", "help@example.org", "https://x.org/a?b=c.", "we", "plan",
    "the", "is", "was", "been", "being", "not", "quickly", "agreed", "written", "utilise",
    "utilised", "stakeholders", "going forward", "in order to", "touch base", "co-create",
    "co-design", "co-production", "Co-Deliver", "co-", "co", "-", "asset-based", "DWP",
    "Department for Work and Pensions (DWP)", "KPIs", "NHS", "A&E", "ICO", "(ICO)", "I",
    "DO NOT USE", "İ", "ß", "ﬃ", "e\u0301", "\u200d", "\u202e", "مرحبا", "שלום", "日本語。",
    "😀", "👩‍👩‍👧", "\x00", "\ufeff", "ǅ", "K", "ſ", "_", "'", "’", "isn't", "wasn’t",
]  # fmt: skip

tricky_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map(
    "".join
)
any_characters = st.text(
    alphabet=st.characters(exclude_categories=()), max_size=200
)  # includes lone surrogates and control characters


def check_figures(report) -> None:
    figures = report.readability
    if figures.word_count == 0:
        assert figures.flesch_reading_ease is None
        assert figures.flesch_kincaid_grade is None
        assert figures.average_sentence_length is None
        assert report.verdict.level == "easy"
        return
    # At least one word a sentence and no negative syllable counts bound the scores.
    assert math.isfinite(figures.flesch_reading_ease)
    assert figures.flesch_reading_ease <= 206.835 - 1.015 + 1e-9
    assert math.isfinite(figures.flesch_kincaid_grade)
    assert figures.flesch_kincaid_grade >= 0.39 - 15.59 - 1e-9
    assert figures.average_sentence_length >= 1
    assert figures.reading_time_seconds >= 1
    assert report.verdict.level in VERDICT_LEVELS
    assert report.verdict.reason.strip()


@fuzz
@given(text=st.text())
def test_fuzz1_any_text_gives_a_sound_report(text):
    report = analyse(text)
    assert_report_is_sound(text, report)
    check_figures(report)


@fuzz
@given(text=tricky_text)
def test_fuzz1_tricky_text_gives_a_sound_report(text):
    report = analyse(text)
    assert_report_is_sound(text, report)
    check_figures(report)


@fuzz
@given(text=any_characters)
def test_fuzz1_surrogates_and_control_characters(text):
    report = analyse(text)
    assert_report_is_sound(text, report)
    json.dumps(report.to_dict())  # escapes lone surrogates


@fuzz
@given(text=tricky_text, limit=st.integers(min_value=1, max_value=60))
def test_fuzz1_long_sentence_findings_match_the_limit(text, limit):
    report = analyse(text, long_sentence_words=limit)
    assert_report_is_sound(text, report)
    long_ones = {(f.start, f.end) for f in report.findings if f.kind == "long_sentence"}
    expected = {(s.start, s.end) for s in report.sentences if s.word_count > limit}
    assert long_ones == expected


@fuzz
@given(text=tricky_text)
def test_fuzz1_deterministic(text):
    first, second = analyse(text), analyse(text)
    assert first == second
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())


@fuzz
@given(text=tricky_text)
def test_fuzz1_json_matches_the_schema(text):
    data = analyse(text).to_dict()
    encoded = json.dumps(data, allow_nan=False)
    assert errors(json.loads(encoded), schema()) == []


def candidate(kind: str, start: int, length: int) -> Finding:
    return Finding(kind, start, start + length, "x" * length, f"{kind} {start}", "s")


findings_strategy = st.lists(
    st.builds(
        candidate,
        kind=st.sampled_from(sorted(SPAN_KIND_PRIORITY)),
        start=st.integers(min_value=0, max_value=40),
        length=st.integers(min_value=1, max_value=12),
    ),
    max_size=30,
)


@fuzz
@given(candidates=findings_strategy, seed=st.integers(min_value=0, max_value=1000))
def test_fuzz1_overlap_rule(candidates, seed):
    kept = resolve_overlaps(candidates)
    shuffled = list(candidates)
    random.Random(seed).shuffle(shuffled)
    assert sorted(resolve_overlaps(shuffled), key=repr) == sorted(kept, key=repr)
    ordered = sorted(kept, key=lambda f: f.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        assert first.end <= second.start
    for dropped in set(candidates) - set(kept):
        # Something kept overlaps it and wins under the rule: longer, then earlier, then kind.
        rivals = [f for f in kept if f.start < dropped.end and dropped.start < f.end]
        assert rivals
        assert any(
            (f.start - f.end, f.start, SPAN_KIND_PRIORITY[f.kind])
            <= (dropped.start - dropped.end, dropped.start, SPAN_KIND_PRIORITY[dropped.kind])
            for f in rivals
        )


# Inputs once found, or feared, to be slow or awkward: each must finish and be sound.
AWKWARD = {
    "nul": "\x00" * 100,
    "right to left": "\u202eThe plan was agreed.\u202c שלום עולם. مرحبا بالعالم.",
    "combining": "Cafe\u0301 co\u0301-create u\u0308tilise. " * 20,
    "emoji": "😀 The plan 👩‍👩‍👧 was agreed. 🎉🎉",
    "lone surrogate": "We \ud800 utilise \udfff it.",
    "byte order mark": "\ufeffWe utilise it.",
    "dotted capital I": "İİİ utilise İ DWP İ.",
    "only punctuation": ".!?" * 300,
    "stops then spaces": ". " * 50_000,
    "run of stops": "." * 100_000,
    "run of capitals and ampersands": "A&" * 50_000,
    "capitals then a small letter": "A" * 100_000 + "a",
    "hyphen run": "a-" * 50_000,
    "dot run": "a." * 50_000,
    "at signs": "a@" * 50_000,
    "one long word": "x" * 100_000,
    "many list items": "- a\n" * 25_000,
    "many blank lines": "\n" * 100_000,
    "spaces then a phrase": "in" + " " * 100_000 + "order to",
    "to be everywhere": "is " * 30_000,
    "co everywhere": "co-" * 30_000,
    "open brackets": "(" * 100_000,
}


@pytest.mark.parametrize("name", sorted(AWKWARD))
def test_fuzz1_awkward_inputs(name):
    text = AWKWARD[name]
    report = analyse(text)
    assert_report_is_sound(text, report)
    check_figures(report)


def test_fuzz1_a_megabyte_of_prose():
    paragraph = (
        "Going forward, we will utilise the skills of all stakeholders in order to co-create "
        "services. The plan was agreed by the DWP, e.g. at No. 5 on 5.5 per cent. "
        "- A list item\n- Another item\n\n"
    )
    text = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    report = analyse(text)
    assert report.readability.word_count > 100_000
    assert_report_is_sound(text, report)
