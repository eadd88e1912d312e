"""Reading-ease figures: equal to textstat's where its splitter agrees with ours, and
worked out from our sentence count where it does not."""

import math

import pytest
import textstat

from copro.plainenglish import WORDS_PER_MINUTE, analyse

# Every sentence has three words or more (textstat ignores shorter ones when counting)
# and no abbreviations, so textstat finds the same sentences as we do.
SIMPLE_TEXTS = [
    "The cat sat on the mat. It was a happy cat. The sun was warm and bright.",
    (
        "People who use services know what works for them. Staff know how the system runs. "
        "When both groups plan together from the start, the service is more likely to meet "
        "real needs. Everyone should be paid fairly for their time."
    ),
    (
        "Organisations frequently misunderstand collaborative arrangements. Consultation is "
        "different from genuine partnership between residents and professionals!"
    ),
    "Can you come on Tuesday? We will meet at the library at six o'clock. Bring a friend.",
    "We don't know yet. They've asked the council's team for more time.",
]


@pytest.mark.parametrize("text", SIMPLE_TEXTS)
def test_counts_match_textstat_on_simple_texts(text):
    figures = analyse(text).readability
    assert figures.word_count == textstat.lexicon_count(text)
    assert figures.sentence_count == textstat.sentence_count(text)
    assert figures.syllable_count == textstat.syllable_count(text)


@pytest.mark.parametrize("text", SIMPLE_TEXTS)
def test_scores_match_textstat_on_simple_texts(text):
    figures = analyse(text).readability
    assert figures.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text))
    assert figures.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text))
    words_per_sentence = textstat.lexicon_count(text) / textstat.sentence_count(text)
    assert figures.average_sentence_length == pytest.approx(words_per_sentence)


def test_scores_use_our_sentence_count_where_textstat_miscounts():
    text = "We met Mr. Smith at 5.5 miles from town, e.g. near the old library."
    assert textstat.sentence_count(text) > 1  # textstat is fooled by the stops
    figures = analyse(text).readability
    assert figures.sentence_count == 1
    words = text.split()
    syllables = sum(textstat.syllable_count(word) for word in words)
    assert figures.word_count == len(words) == 14
    assert figures.syllable_count == syllables
    expected_ease = 206.835 - 1.015 * len(words) - 84.6 * syllables / len(words)
    expected_grade = 0.39 * len(words) + 11.8 * syllables / len(words) - 15.59
    assert figures.flesch_reading_ease == pytest.approx(expected_ease)
    assert figures.flesch_kincaid_grade == pytest.approx(expected_grade)


def test_a_bulleted_list_counts_one_sentence_per_item():
    text = "- Meet on different days\n- Pay people for their time\n- Send papers early"
    figures = analyse(text).readability
    assert figures.sentence_count == 3
    assert figures.word_count == 12  # the bullets are not words
    assert figures.average_sentence_length == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("words", "seconds"),
    [(0, 0), (1, 1), (3, 1), (4, 2), (200, 60), (201, 61), (10_000, 3000)],
)
def test_reading_time_is_200_words_a_minute_rounded_up(words, seconds):
    assert WORDS_PER_MINUTE == 200
    text = " ".join(["word"] * words)
    assert analyse(text).readability.reading_time_seconds == seconds == math.ceil(words * 0.3)


@pytest.mark.parametrize("text", ["", "   \n\t ", "— … ☺ ---", "\x00\x01", "😀😀😀"])
def test_figures_are_none_when_there_are_no_words(text):
    figures = analyse(text).readability
    assert figures.word_count == figures.sentence_count == 0
    assert figures.flesch_reading_ease is None
    assert figures.flesch_kincaid_grade is None
    assert figures.average_sentence_length is None
    assert figures.reading_time_seconds == 0


def test_hyphenated_words_and_prices_are_one_word_each():
    figures = analyse("Co-production costs £2.50 a head.").readability
    assert figures.word_count == 5 == textstat.lexicon_count("Co-production costs £2.50 a head.")


def test_to_dict_rounds_figures_to_two_places():
    data = analyse(SIMPLE_TEXTS[1]).to_dict()["readability"]
    for key in ("flesch_reading_ease", "flesch_kincaid_grade", "average_sentence_length"):
        assert data[key] == round(data[key], 2)
    assert data["words_per_minute"] == 200
