"""Shared checks for the plain English tests (no Django needed)."""

from __future__ import annotations

from copro.plainenglish import FINDING_KINDS, Report, analyse

SPAN_KINDS = {"jargon", "co_prefix", "acronym", "passive"}


def kinds(text: str, **options) -> list[tuple[str, str]]:
    """(kind, text) of every finding, in report order."""
    return [(finding.kind, finding.text) for finding in analyse(text, **options).findings]


def of_kind(text: str, kind: str, **options) -> list[str]:
    return [finding.text for finding in analyse(text, **options).findings if finding.kind == kind]


def assert_report_is_sound(text: str, report: Report) -> None:
    """The invariants every report must keep, whatever the text."""
    for finding in report.findings:
        assert finding.kind in FINDING_KINDS
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]
        assert finding.message.strip() and finding.suggestion.strip()
    ordered = [(f.start, f.end, f.kind) for f in report.findings]
    assert ordered == sorted(ordered)
    spans = [f for f in report.findings if f.kind in SPAN_KINDS]
    for first, second in zip(spans, spans[1:], strict=False):
        assert first.end <= second.start, (first, second)
    previous_end = 0
    for sentence in report.sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.word_count >= 1
        previous_end = sentence.end
    figures = report.readability
    assert figures.word_count == sum(s.word_count for s in report.sentences)
    assert figures.sentence_count == len(report.sentences)
