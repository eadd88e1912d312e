"""Our own sentence splitter: abbreviations, numbers, addresses, lists and paragraphs."""

import pytest

from copro.plainenglish import split_sentences
from copro.plainenglish.sentences import sentence_spans


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We met Mr Smith and Mrs Jones. Dr Patel came too.",
            ["We met Mr Smith and Mrs Jones.", "Dr Patel came too."],
        ),
        (
            "We met Mr. Smith and Mrs. Jones today. Dr. Patel and Prof. Lee came too.",
            ["We met Mr. Smith and Mrs. Jones today.", "Dr. Patel and Prof. Lee came too."],
        ),
        (
            "Bring something to write with, e.g. a pen. We will also need paper, i.e. lots.",
            ["Bring something to write with, e.g. a pen.", "We will also need paper, i.e. lots."],
        ),
        (
            "Bring pens, paper etc. and a drink. We ate cake, biscuits etc. Then we went home.",
            [
                "Bring pens, paper etc. and a drink.",
                "We ate cake, biscuits etc.",
                "Then we went home.",
            ],
        ),
        (
            "See item No. 5 on the list. It is short.",
            ["See item No. 5 on the list.", "It is short."],
        ),
        (
            "The rate went up by 5.5 per cent. A ticket costs £2.50 now.",
            ["The rate went up by 5.5 per cent.", "A ticket costs £2.50 now."],
        ),
        (
            "Read www.example.gov.uk/help.html first. Then email help@example.org. Thanks.",
            ["Read www.example.gov.uk/help.html first.", "Then email help@example.org.", "Thanks."],
        ),
        (
            "J. R. R. Tolkien wrote it in Oxford. A. N. Other agreed with him.",
            ["J. R. R. Tolkien wrote it in Oxford.", "A. N. Other agreed with him."],
        ),
        (
            "Cllr Ahmed opened the meeting. St Aldates is near.",
            ["Cllr Ahmed opened the meeting.", "St Aldates is near."],
        ),
        (
            "The meeting starts at 10 a.m. on Monday. It ends at 2 p.m. Then we have tea.",
            [
                "The meeting starts at 10 a.m. on Monday.",
                "It ends at 2 p.m.",
                "Then we have tea.",
            ],
        ),
        ("Is it ready? Yes! We can start.", ["Is it ready?", "Yes!", "We can start."]),
        ('She said "Stop." Then she left.', ['She said "Stop."', "Then she left."]),
        (
            "We waited... and waited. Nothing… Then it came.",
            ["We waited... and waited.", "Nothing…", "Then it came."],
        ),
    ],
)
def test_abbreviations_numbers_and_addresses_do_not_end_sentences(text, expected):
    assert texts(text) == expected


def test_a_blank_line_ends_a_sentence():
    assert texts("A heading without a stop\n\nThe first paragraph starts here") == [
        "A heading without a stop",
        "The first paragraph starts here",
    ]


def test_a_single_line_break_does_not_end_a_sentence():
    text = "This sentence was wrapped\nat a fixed width by the\nperson who wrote it."
    assert texts(text) == [text]


def test_blank_lines_with_spaces_and_windows_line_endings():
    assert texts("First part\r\n   \r\nSecond part\r\n\t\r\nThird") == [
        "First part",
        "Second part",
        "Third",
    ]


def test_paragraph_separator_ends_a_sentence():
    assert texts("One paragraph\u2029Another paragraph") == ["One paragraph", "Another paragraph"]


@pytest.mark.parametrize(
    "marker", ["-", "*", "+", "•", "1.", "2)", "(3)", "a)", "b.", "(c)", "iv)", "1.2"]
)
def test_each_list_item_is_its_own_sentence(marker):
    text = f"Things to bring\n{marker} warm clothes\n{marker} a packed lunch"
    assert texts(text) == ["Things to bring", "warm clothes", "a packed lunch"]


def test_list_markers_are_not_part_of_the_sentence_and_items_continue_on_the_next_line():
    text = "- Bring a pen\n  and some paper\n- Bring a drink"
    assert texts(text) == ["Bring a pen\n  and some paper", "Bring a drink"]


def test_markdown_heading_is_its_own_sentence():
    assert texts("# What we did\nWe met six times in the spring.") == [
        "What we did",
        "We met six times in the spring.",
    ]


def test_a_line_starting_with_a_number_that_is_not_a_marker_is_text():
    assert texts("We spent\n2024 planning it.") == ["We spent\n2024 planning it."]


def test_spans_point_at_the_original_text():
    text = "  Hello there.  \n\n- Item one\n2) Item two   \r\n\r\nLast one!  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_pieces_without_words_are_not_sentences():
    assert texts("---\n\n* * *\n\n😀 😀\n\nReal words here.") == ["Real words here."]
    assert sentence_spans("---") == [(0, 3)]  # a span, but no words


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", "- ", "#"])
def test_no_sentences_in_empty_or_wordless_text(text):
    assert split_sentences(text) == ()


def test_known_limit_a_sentence_ending_in_a_capital_letter_joins_the_next():
    # Documented in sentences.py: "B." looks like an initial.
    assert texts("We chose Plan B. Then we started.") == ["We chose Plan B. Then we started."]
