"""Acronyms used before they are spelt out."""

import pytest

from copro.plainenglish import analyse

from .helpers import of_kind


def acronyms(text: str) -> list[str]:
    return of_kind(text, "acronym")


def test_an_unexplained_acronym_is_flagged_once_at_its_first_use():
    text = "The DWP wrote to us. Later the DWP called. The DWP came."
    report = analyse(text)
    (finding,) = [f for f in report.findings if f.kind == "acronym"]
    assert (finding.start, finding.text) == (4, "DWP")
    assert "first time" in finding.message
    assert "(DWP)" in finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "The Department for Work and Pensions (DWP) wrote to us. The DWP called.",
        "The DWP (Department for Work and Pensions) wrote to us. The DWP called.",
        "Special Educational Needs and Disabilities (SEND) support. SEND helps.",
        "We track Care Quality Commission (CQC) ratings. The CQC visits.",
        "Our clinical commissioning groups (CCGs) merged. The CCGs closed.",
        "The ICB (integrated care board) pays. The ICB decides.",
    ],
)
def test_an_acronym_spelt_out_at_first_use_is_not_flagged(text):
    assert acronyms(text) == []


def test_a_use_before_the_definition_is_flagged():
    text = "Ask the ICO. The Information Commissioner's Office (ICO) can help."
    assert acronyms(text) == ["ICO"]


def test_brackets_that_do_not_spell_it_out_do_not_count():
    assert acronyms("Ask the ICO (today please). The ICO is busy.") == ["ICO"]
    assert acronyms("We wrote to Bob Smith (DWP) about it.") == ["DWP"]


@pytest.mark.parametrize(
    "text",
    [
        "The UK and the NHS.",
        "Watch it on TV or the BBC, then read the PDF. OK?",
        "I think I can.",
        "See your GP or go to A&E.",
        "Part II and Part IV of the plan.",
        "Do NOT sign it. You MUST call first.",
        "DON'T send cash.",
        "PLEASE READ THIS FIRST before you start.",
        "ANNUAL REPORT 2026",
        "INTRODUCTION\nThis part explains the plan.",
        "Email HELP@EXAMPLE.ORG for help.",
    ],
)
def test_well_known_acronyms_and_capitals_for_emphasis_are_not_flagged(text):
    assert acronyms(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ask the ICB.", ["ICB"]),
        ("Fill in the SAR form.", ["SAR"]),
        ("The LGA's view.", ["LGA"]),
        ("We use B2B tools.", ["B2B"]),
        ("All the ICSs agreed.", ["ICSs"]),
    ],
)
def test_acronym_shapes(text, found):
    assert acronyms(text) == found


def test_kpi_is_reported_once_as_jargon():
    report = analyse("Our KPIs look fine.")
    assert [(f.kind, f.text) for f in report.findings] == [("jargon", "KPIs")]
