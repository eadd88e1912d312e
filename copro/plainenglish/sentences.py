"""Split text into sentences, keeping each sentence's place in the original text.

Rules, in order:

- A blank line ends a sentence (so does a paragraph separator, U+2029).
- Each list item is its own sentence: a line that starts with a bullet (``-``, ``*``,
  ``+``, ``•`` and similar) or a number or letter such as ``1.``, ``2)``, ``(3)``,
  ``1.2``, ``a)``, ``b.``, ``(c)``, ``iv)``, followed by a space. The marker itself is not
  part of the sentence. A line that follows an item without a blank line continues it.
- A Markdown heading line (``# Title``) is its own sentence, without the ``#``.
- Inside a paragraph, ``!`` and ``?`` end a sentence when a space follows.
- A full stop followed by a space ends a sentence, except after:
  titles (Mr, Mrs, Ms, Dr, Prof, Cllr, St and similar), "e.g.", "i.e.", "cf.", "vs.",
  "approx.", "incl.", and a single capital letter (an initial, as in "J. Smith").
  After "etc.", "No.", "p.", "Dept.", month and day names, "a.m."/"p.m.", other dotted
  abbreviations (U.K.) and single lower-case letters, the stop ends a sentence only when
  the next word starts with a capital letter ("No. 5" does not end one).
- A stop inside a number or address (5.5, £2.50, gov.uk, a@b.org) never ends a
  sentence, because no space follows it.
- An ellipsis ends a sentence only when the next word starts with a capital letter.
- A single line break does not end a sentence (hard-wrapped text stays together).

Limits: a sentence that really ends with a single capital letter ("Plan B. Then ...")
is joined to the next one; other scripts' full stops (such as "。") end a sentence only
when a space follows.
"""

from __future__ import annotations

import re

from copro.plainenglish.vocabulary import word_set

# Line breaks. A paragraph separator (U+2029) also ends the paragraph.
_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e]")
_PARAGRAPH_SEPARATOR = "\u2029"

_LIST_MARKER = re.compile(
    r"""[ \t\u00a0\u3000]*
    (?:
        [-*+\u2022\u2023\u25e6\u25aa\u25cf\u25cb\u25a0\u25a1\u2013\u2043\u2219]
      | \(?\d{1,3}[.)]
      | \d{1,3}(?:\.\d{1,3})+\.?
      | \(?(?:[a-z]|[ivx]{2,5})[.)]
      | \(?[A-Z]\)
    )
    [ \t\u00a0]+(?=\S)""",
    re.VERBOSE,
)
_HEADING = re.compile(r"[ \t]{0,3}\#{1,6}[ \t]+(?=\S)")

# A run of sentence-ending punctuation, with any closing quotes or brackets, then a space.
_END = re.compile(
    r"(?<![.!?\u2026\u203d\u3002\uff01\uff1f])"  # only where a run of stops begins
    r"[.!?\u2026\u203d\u3002\uff01\uff1f]+[\"'\u201d\u2019)\]\u00bb]*(?=\s)"
)
_STRONG_END = frozenset("!?\u203d\uff01\uff1f")
_OPENERS = "\"'\u201c\u2018([{\u00ab"

# Never end a sentence after these (compared in lower case, without the stop).
_TITLES = word_set("mr mrs ms mx miss dr prof cllr rev revd fr sr sgt capt col gen lt hon rt st")
_MID_SENTENCE = word_set("e.g eg i.e ie cf vs viz approx incl esp resp")
# End a sentence after these only when the next word starts with a capital letter.
_ABBREVIATIONS = word_set(
    """etc no nos vol vols p pp para paras fig figs ref refs tel mob ext dept depts govt
    est inc ltd co corp plc jan feb mar apr jun jul aug sep sept oct nov dec mon tue
    tues wed thu thur thurs fri sat sun am pm min mins max approx"""
)
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_LONGEST_ABBREVIATION = 16


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) for each sentence, in order, with outer spaces trimmed.

    Spans never overlap and never include list markers. A span may hold no words
    (for example a line of dashes); the caller decides what to do with those.
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        spans.extend(_split_block(text, block_start, block_end))
    return spans


def _lines(text: str):
    """Yield (start, end, ends_paragraph) for each line, without its line break."""
    position = 0
    for match in _BREAK.finditer(text):
        yield position, match.start(), match.group() == _PARAGRAPH_SEPARATOR
        position = match.end()
    yield position, len(text), False


def _blocks(text: str) -> list[tuple[int, int]]:
    """Group lines into paragraphs, list items and headings."""
    blocks: list[tuple[int, int]] = []
    current: list[int] = []  # [start, end] of the block being built

    def flush() -> None:
        if current:
            blocks.append((current[0], current[1]))
            current.clear()

    for start, end, ends_paragraph in _lines(text):
        if not text[start:end].strip():
            flush()
            continue
        heading = _HEADING.match(text, start, end)
        if heading:
            flush()
            blocks.append((heading.end(), end))
            continue
        marker = _LIST_MARKER.match(text, start, end)
        if marker:
            flush()
            current[:] = [marker.end(), end]
        elif current:
            current[1] = end
        else:
            current[:] = [start, end]
        if ends_paragraph:
            flush()
    flush()
    return blocks


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for match in _END.finditer(text, start, end):
        if _ends_sentence(text, match, start, end):
            pieces.append((piece_start, match.end()))
            piece_start = match.end()
    pieces.append((piece_start, end))
    return [span for span in (_trim(text, s, e) for s, e in pieces) if span]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _ends_sentence(text: str, match: re.Match[str], block_start: int, block_end: int) -> bool:
    punctuation = match.group()
    if any(char in _STRONG_END for char in punctuation):
        return True
    following = _next_visible(text, match.end(), block_end)
    if following is None:
        return True
    stops = punctuation.rstrip(_OPENERS + "\u201d\u2019)]\u00bb")
    if len(stops) > 1 or "\u2026" in stops:  # an ellipsis
        return following.isupper()
    return _stop_ends_sentence(_word_before(text, match.start(), block_start), following)


def _stop_ends_sentence(word: str, following: str) -> bool:
    lower = word.lower()
    if lower in _TITLES or lower in _MID_SENTENCE:
        return False
    if len(word) == 1 and word.isalpha():
        # A capital is an initial ("J. Smith"); a lower-case letter may be a list label.
        return False if word.isupper() else following.isupper()
    if lower in _ABBREVIATIONS or _DOTTED.fullmatch(word):
        return following.isupper()
    return True


def _word_before(text: str, position: int, block_start: int) -> str:
    """The word just before a full stop, without opening quotes or brackets."""
    start = position
    limit = max(block_start, position - _LONGEST_ABBREVIATION)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    if start == limit and start > block_start and not text[start - 1].isspace():
        return ""  # too long to be an abbreviation
    return text[start:position].lstrip(_OPENERS)


def _next_visible(text: str, position: int, block_end: int) -> str | None:
    """The first character after the spaces and opening quotes, or None at the end."""
    while position < block_end and (text[position].isspace() or text[position] in _OPENERS):
        position += 1
    return text[position] if position < block_end else None
