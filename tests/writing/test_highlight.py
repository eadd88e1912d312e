"""The pieces a page marks up always add back up to the original text."""

from hypothesis import given
from hypothesis import strategies as st

from copro.plainenglish import analyse
from copro.writing import highlight

words = st.sampled_from(
    [
        "We",
        "utilise",
        "going forward",
        "the",
        "plan",
        "was",
        "approved",
        "by",
        "NHS",
        "staff",
        "co-create",
        "in order to",
        "it.",
        "\n\n",
        "- ",
        "stakeholder",
        "e.g.",
        "5.5",
        "and",
    ]
)


@given(st.lists(words, max_size=60).map(" ".join))
def test_pieces_rebuild_the_text_and_each_finding_is_anchored_once(text):
    report = analyse(text)
    findings = highlight.numbered(report)
    pieces = highlight.pieces(text, findings)
    assert "".join(p.text for p in pieces) == text
    starts = [p.word.number for p in pieces if p.word_starts] + [
        p.sentence.number for p in pieces if p.sentence_starts
    ]
    assert sorted(starts) == [f.number for f in findings]
