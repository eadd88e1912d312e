"""Issue 19, point 5: the Easy Read standard of the plain-English checker."""

import pytest

from copro.plainenglish import analyse, schema
from tests.plainenglish.jsonschema_lite import errors


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in analyse(text, standard="easy_read").findings]


def test_fmt5_sentences_over_15_words_are_long_in_easy_read():
    text = " ".join(["word"] * 16) + "."
    assert analyse(text).findings == ()
    report = analyse(text, standard="easy_read")
    assert report.long_sentence_words == 15
    assert [f.kind for f in report.findings] == ["long_sentence"]


@pytest.mark.parametrize(
    "sentence, join",
    [
        ("You can come, and we will pay you.", ", and"),
        ("Bring a friend; they can help.", ";"),
        ("We meet in the hall which is near the bus stop.", "which"),
        ("You can come although it is far.", "although"),
        ("We meet on Tuesday - bring your lunch.", "-"),
    ],
)
def test_fmt5_a_sentence_with_two_ideas_is_found(sentence, join):
    findings = analyse(sentence, standard="easy_read").findings
    two = [f for f in findings if f.kind == "two_ideas"]
    assert len(two) == 1 and two[0].text == sentence
    assert f'"{join}"' in two[0].suggestion


@pytest.mark.parametrize(
    "sentence",
    ["You will need:", "Bring a pen and paper.", "We meet on Tuesday at 2pm.", "I like it."],
)
def test_fmt5_one_idea_is_not_flagged(sentence):
    assert kinds(sentence) == []


def test_fmt5_numbers_must_be_digits_and_short_forms_words():
    assert kinds("Bring three friends. Ask your GP. See the list e.g. here. Tea etc.") == [
        ("number_word", "three"),
        ("abbreviation", "GP"),
        ("abbreviation", "e.g."),
        ("abbreviation", "etc."),
    ]
    # "one" is left alone, and a spelt-out short form is still a short form in Easy Read.
    text = "Pick the one you like. The National Health Service (NHS) helps."
    assert ("abbreviation", "NHS") in kinds(text)
    assert not [k for k in kinds(text) if k[0] == "acronym"]  # reported once, as a short form


def test_fmt5_the_verdict_says_what_to_change_or_that_it_meets_easy_read():
    bad = analyse("Bring three friends, and a pen.", standard="easy_read").verdict
    assert bad.level == "hard"
    assert bad.reason == (
        "This is not Easy Read yet. It has 1 sentence that may hold more than one idea and "
        "1 number written as a word."
    )
    good = analyse("We meet on Tuesday. Bring 3 friends.", standard="easy_read").verdict
    assert good.level == "easy" and good.reason.startswith("This meets the Easy Read checks.")


def test_fmt5_the_plain_standard_is_unchanged_and_unknown_standards_are_refused():
    text = "Bring three friends, and a pen. Ask the DWP."
    assert [f.kind for f in analyse(text).findings] == ["acronym"]
    with pytest.raises(ValueError, match="standard"):
        analyse(text, standard="legal")


def test_fmt5_the_easy_read_report_matches_the_schema():
    data = analyse("Bring three friends, and a pen. Ask your GP.", standard="easy_read").to_dict()
    assert data["settings"] == {"long_sentence_words": 15, "standard": "easy_read"}
    assert data["finding_counts"]["two_ideas"] == 1
    assert errors(data, schema()) == []
