"""The jargon list (a data file) and how it is matched."""

import tomllib
from importlib import resources

import pytest

from copro.plainenglish import analyse
from copro.plainenglish.jargon import jargon_index, normalise, word_endings
from copro.plainenglish.vocabulary import word_set

from .helpers import kinds, of_kind

REQUIRED_TERMS = [
    "stakeholder",
    "leverage",
    "synergy",
    "going forward",
    "facilitate",
    "utilise",
    "in order to",
    "commissioning",
    "reciprocity",
    "asset-based",
    "co-design",
    "touch base",
    "holistic",
    "empower",
    "best practice",
    "capacity building",
    "deliverable",
    "key performance indicator",
]

# Everyday words that no entry may turn into a match by adding endings.
EVERYDAY_WORDS = word_set(
    """a an and are as at be been by can do for from get go had has have he her his how i if in
    into is it its me more my no not of on or our out say see she so some than that the
    their them then there they this to up us use used uses using was we were what when where
    which who will with work worked working works you your ask asked asking make made help
    helped helping time times people person plan plans planned meet met meeting meetings
    group groups care cared caring service services served offer offered offering base based
    basing touch touched touching value valued evidence evidenced change changed changing
    changes end ended ending user users need needed needs view viewed working together
    design designed designing"""
)


@pytest.fixture(scope="module")
def raw_entries():
    text = resources.files("copro.plainenglish").joinpath("data/jargon.toml").read_text("utf-8")
    return tomllib.loads(text)["entry"]


def test_the_list_is_a_data_file_with_at_least_150_complete_entries(raw_entries):
    assert len(raw_entries) >= 150
    for entry in raw_entries:
        assert set(entry) <= {"term", "alternatives", "reason", "forms", "inflect"}, entry
        assert entry["term"].strip() and entry["term"] == entry["term"].lower()
        assert entry["alternatives"] and all(a.strip() for a in entry["alternatives"])
        assert entry["reason"].strip().endswith(".")
    terms = [entry["term"] for entry in raw_entries]
    assert len(terms) == len(set(terms))


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_the_list_has_the_terms_the_issue_names(raw_entries, term):
    assert term in {entry["term"] for entry in raw_entries}


def test_no_two_entries_share_a_form():
    owners = {}
    for entry in jargon_index().entries:
        for form in entry.forms:
            assert owners.setdefault(form, entry.term) == entry.term, form


def test_no_form_is_an_everyday_word():
    forms = set(jargon_index().by_form)
    assert not forms & EVERYDAY_WORDS


def test_word_endings():
    assert word_endings("utilise") >= {"utilises", "utilised", "utilising", "utilisation"}
    assert word_endings("leverage") >= {"leverages", "leveraged", "leveraging"}
    assert word_endings("facilitate") >= {"facilitated", "facilitation"}
    assert word_endings("synergy") >= {"synergies"}
    assert word_endings("benchmark") >= {"benchmarks", "benchmarked", "benchmarking"}


@pytest.mark.parametrize(
    "word",
    [
        "utilise",
        "utilised",
        "utilises",
        "utilising",
        "utilisation",
        "utilize",
        "utilized",
        "utilization",
        "Utilise",
        "UTILISED",
    ],
)
def test_inflections_us_spelling_and_case_are_found(word):
    assert of_kind(f"We {word} it.", "jargon") == [word]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Going forward we will meet monthly.", "Going forward"),
        ("We will meet monthly, going\nforward.", "going\nforward"),
        ("We did it in\norder   to help.", "in\norder   to"),
        ("An asset based approach.", "asset based"),
        ("An asset-based approach.", "asset-based"),
        ("An asset\u2011based approach.", "asset\u2011based"),
        ("Please touch base with Sam.", "touch base"),
        ("We touched base on Friday.", "touched base"),
        ("Our key performance indicators are new.", "key performance indicators"),
        ("It was our best practice.", "best practice"),
        ("Our stakeholders' views.", "stakeholders"),
        ("A stakeholder-led review.", "stakeholder"),
    ],
)
def test_phrases_match_across_any_spaces_line_breaks_or_hyphens(text, found):
    assert of_kind(text, "jargon") == [found]


@pytest.mark.parametrize(
    "text",
    [
        "The assistant helped us.",  # "assist" inside a longer word
        "A new requirement.",  # "require" + an ending we do not make
        "We met in order, to start.",  # punctuation inside the phrase
        "Our asset was the hall.",  # only part of a phrase
        "It is a touch-based screen.",
        "Evidence based on what people said.",
        "The service offered by the council.",
        "Try the reachable, hard parts.",
    ],
)
def test_no_jargon_found_in_plain_or_partial_words(text):
    assert of_kind(text, "jargon") == []


def test_longest_phrase_wins():
    assert of_kind("Our stakeholder engagement plan.", "jargon") == ["stakeholder engagement"]


def test_message_and_suggestion_are_plain_and_come_from_the_entry():
    (finding,) = analyse("We will utilise the hall.").findings
    assert finding.kind == "jargon"
    assert finding.message == '"utilise" is not plain English. A longer word for use.'
    assert finding.suggestion == 'Try "use" instead.'
    (finding,) = analyse("We will facilitate it.").findings
    assert finding.suggestion == 'Try "help", "run" or "make possible" instead.'


def test_co_design_is_jargon_once_and_not_a_co_prefix():
    assert kinds("We will co-design the service.") == [("jargon", "co-design")]
    assert kinds("It was co-designed.") == [("jargon", "co-designed")]


def test_co_location_is_reported_once_as_jargon_rather_than_as_a_co_prefix():
    assert kinds("The teams are in co-location now.") == [("jargon", "co-location")]


def test_normalise_joins_spaces_and_hyphens():
    assert normalise("  Asset -\n Based ") == "asset based"


def test_text_whose_length_changes_in_lower_case_is_still_matched_with_right_offsets():
    text = "İİ We will utilise it."
    assert len(text.lower()) != len(text)
    (finding,) = [f for f in analyse(text).findings if f.kind == "jargon"]
    assert text[finding.start : finding.end] == "utilise"
