"""The passive-voice guess: a form of "to be", up to two adverbs, then a past participle."""

import pytest

from copro.plainenglish import analyse
from copro.plainenglish.passive import is_participle

from .helpers import of_kind


def passives(text: str) -> list[str]:
    return of_kind(text, "passive")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The plan was agreed.", "was agreed"),
        ("The papers are sent out early.", "are sent"),
        ("It is being reviewed now.", "being reviewed"),
        ("A decision will be made soon.", "be made"),
        ("The report has been written.", "been written"),
        ("The fees were quickly approved.", "were quickly approved"),
        ("It was not always noticed.", "was not always noticed"),
        ("It isn't needed.", "isn't needed"),
        ("It wasn\u2019t finished.", "wasn\u2019t finished"),
        ("Everyone WAS PAID.", None),  # a capitalised word is left alone
        ("The budget is set by the board.", "is set"),
    ],
)
def test_passive_forms_are_found(text, found):
    assert passives(text) == ([] if found is None else [found])


@pytest.mark.parametrize(
    "text",
    [
        "The sky is red.",
        "I am tired.",
        "We were interested.",
        "This is Ted.",
        "There is a need for it.",
        "She is going home.",
        "It was really very quickly agreed.",  # three adverbs is too many
        "It is. Agreed by everyone.",  # across a sentence end
        "It is, we agreed, fine.",  # punctuation between
        "It is\n\nagreed later.",  # across a blank line
        "We agreed the plan.",  # active voice
        "There were a hundred people.",
    ],
)
def test_non_passives_are_not_flagged(text):
    assert passives(text) == []


def test_message_says_it_is_a_guess():
    (finding,) = analyse("The plan was agreed.").findings
    assert finding.kind == "passive"
    assert "may be" in finding.message and "guess" in finding.message
    assert "who" in finding.suggestion


def test_two_passives_in_one_sentence():
    assert passives("It was agreed and it was signed.") == ["was agreed", "was signed"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("agreed", True), ("written", True), ("done", True), ("need", False), ("red", False)],
)
def test_participles(word, expected):
    assert is_participle(word) is expected


def test_a_longer_passive_wins_over_jargon_inside_it():
    # Overlap rule: the longer finding is kept.
    assert [(f.kind, f.text) for f in analyse("It was utilised.").findings] == [
        ("passive", "was utilised")
    ]
