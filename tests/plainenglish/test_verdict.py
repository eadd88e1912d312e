"""The overall verdict: easy, fairly easy or hard, with a plain reason."""

import pytest

from copro.plainenglish import VERDICT_LEVELS, analyse
from copro.plainenglish.readability import measure
from copro.plainenglish.verdict import NO_TEXT_REASON, judge


def figures_with_ease(ease: float, sentences: int = 4):
    """Readability figures with the given reading ease (other figures made up to match)."""
    figures = measure(words=40, sentences=sentences, syllables=60)
    return figures.__class__(
        word_count=figures.word_count,
        sentence_count=figures.sentence_count,
        syllable_count=figures.syllable_count,
        average_sentence_length=figures.average_sentence_length,
        flesch_reading_ease=ease,
        flesch_kincaid_grade=figures.flesch_kincaid_grade,
        reading_time_seconds=figures.reading_time_seconds,
    )


@pytest.mark.parametrize(
    ("ease", "level"),
    [
        (120.0, "easy"),
        (70.0, "easy"),
        (69.99, "fairly easy"),
        (50.0, "fairly easy"),
        (49.99, "hard"),
        (-30.0, "hard"),
    ],
)
def test_level_follows_reading_ease(ease, level):
    verdict = judge(figures_with_ease(ease), long_sentences=0, long_sentence_words=25)
    assert verdict.level == level
    assert verdict.reason.endswith(".")


def test_more_than_a_quarter_long_sentences_is_hard_whatever_the_score():
    verdict = judge(figures_with_ease(90.0, sentences=7), long_sentences=2, long_sentence_words=25)
    assert verdict.level == "hard"
    assert "2 of the 7 sentences are longer than 25 words" in verdict.reason


def test_exactly_a_quarter_long_sentences_is_not_hard_on_its_own():
    verdict = judge(figures_with_ease(90.0, sentences=8), long_sentences=2, long_sentence_words=25)
    assert verdict.level == "easy"


def test_scores_in_reasons_stay_between_0_and_100():
    assert (
        "100 out of 100"
        in judge(figures_with_ease(150.0), long_sentences=0, long_sentence_words=25).reason
    )
    assert (
        " 0 out of 100"
        in judge(figures_with_ease(-40.0), long_sentences=0, long_sentence_words=25).reason
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "---", "😀"])
def test_no_text_is_easy_with_a_plain_reason(text):
    verdict = analyse(text).verdict
    assert (verdict.level, verdict.reason) == ("easy", NO_TEXT_REASON)
    assert NO_TEXT_REASON == "There is no text to check yet."


def test_short_everyday_text_is_easy():
    verdict = analyse(
        "We meet on Monday. Bring a friend. Tea is free. The room has a ramp."
    ).verdict
    assert verdict.level == "easy"


def test_dense_official_text_is_hard():
    text = (
        "Notwithstanding the aforementioned considerations, the organisation's commissioning "
        "arrangements necessitate comprehensive multidisciplinary evaluation of institutional "
        "accountability mechanisms. Consequently, operationalisation of transformational "
        "methodologies requires considerable organisational reconfiguration."
    )
    assert analyse(text).verdict.level == "hard"


def test_many_long_sentences_make_a_text_hard():
    long_sentence = " ".join(["we"] * 30) + "."
    text = " ".join([long_sentence, "Short one.", "Another short one.", long_sentence])
    report = analyse(text)
    assert report.count("long_sentence") == 2
    assert report.verdict.level == "hard"


def test_the_long_sentence_limit_can_be_changed():
    text = "This sentence has exactly seven words here."
    assert analyse(text, long_sentence_words=6).count("long_sentence") == 1
    assert analyse(text, long_sentence_words=7).count("long_sentence") == 0


@pytest.mark.parametrize("bad", [0, -1, 2.5, "25", True, None])
def test_a_bad_limit_is_refused(bad):
    with pytest.raises(ValueError):
        analyse("Some text.", long_sentence_words=bad)


def test_a_non_string_is_refused():
    with pytest.raises(TypeError):
        analyse(b"bytes")  # type: ignore[arg-type]


def test_levels_are_the_documented_three():
    assert VERDICT_LEVELS == ("easy", "fairly easy", "hard")
