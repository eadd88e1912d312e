"""Find acronyms used before they are spelt out.

An acronym here is a word of two or more capital letters (digits and "&" allowed, and a
plural "s": "NHS", "KPIs", "A&E", "B2B"). Only its first use is reported, and only if it
is not spelt out there or earlier. It counts as spelt out when written either way:

- "Department for Work and Pensions (DWP)": the letters in brackets follow words whose
  letters contain them in order, starting from the first letter of one of those words;
- "DWP (Department for Work and Pensions)": the same check on the words in brackets.

Not reported: acronyms everyone knows (UK, NHS, BBC, TV, OK, PDF and others below),
"I", Roman numerals made of I, V and X, common words written in capitals for emphasis
("NOT", "MUST"), runs of three or more words in capitals, and lines with no lower-case
letters at all (headings such as "INTRODUCTION" or "ANNUAL REPORT 2026").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from copro.plainenglish.findings import ACRONYM, Finding
from copro.plainenglish.vocabulary import word_set

_ACRONYM = re.compile(r"(?<![^\W_])([A-Z][A-Z0-9]*(?:&[A-Z][A-Z0-9]*)*)(s?)(?![^\W_])")
_CAPITALS_RUN = re.compile(r"(?<![\w&'])[A-Z][A-Z0-9&']+(?:[ \t]+[A-Z][A-Z0-9&']+){2,}(?![^\W_])")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_LETTERS = re.compile(r"[^\W\d_]+")
_DEFINITION_AFTER = re.compile(r"[ \t]*\(([^()\n]{3,200})\)")
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029\x85\x0b\x0c]")

WELL_KNOWN = word_set(
    """UK GB USA US EU UN NHS BBC ITV TV DVD CD PDF OK ID AM PM GP MP MPs BMI CV DIY VAT
    PIN ATM SMS FAQ FAQs A&E Q&A COVID HIV AIDS DNA IT AI UFO USB PC WC NATO RAF GCSE
    GCSEs MOT ASAP RSVP PS GOV"""
)
_CAPITAL_WORDS = word_set(
    """NOT NO AND OR THE ALL YOU YOUR WE OUR IS IT IN ON TO OF AT BY BE DO GO IF SO UP MY
    ME HE AN AS FOR ARE WAS NEW FREE NOW NOTE PLEASE ONLY MUST WILL CAN HELP STOP
    WARNING IMPORTANT URGENT YES NEVER DONE TODO THIS THAT WHAT WHY HOW WHEN WHERE WHO
    DON'T CLOSED OPEN SALE TIP NB FYI"""
)

_MESSAGE = '"{text}" may not be clear to everyone. Spell it out the first time you use it.'
_SUGGESTION = 'Write the full name the first time, with "({key})" after it, or use the words.'


def find_acronyms(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Finding]:
    """First uses of acronyms not spelt out; ``skip`` lists places to leave alone (sorted)."""
    ignored = _IgnoredPlaces(text, skip)
    settled: set[str] = set()  # spelt out, or already reported once
    findings = []
    for match in _ACRONYM.finditer(text):
        key = match.group(1)
        if key in settled or not _is_candidate(key) or _is_contraction(text, match.end()):
            continue
        if ignored.covers(match.start()):
            continue
        settled.add(key)
        if _spelt_out_before(text, match) or _spelt_out_after(text, match):
            continue
        findings.append(
            Finding(
                kind=ACRONYM,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                message=_MESSAGE.format(text=match.group()),
                suggestion=_SUGGESTION.format(key=key),
            )
        )
    return findings


def _is_candidate(key: str) -> bool:
    if sum(char.isupper() for char in key) < 2:
        return False
    if key in WELL_KNOWN or key in _CAPITAL_WORDS:
        return False
    return not _ROMAN.fullmatch(key)


def _is_contraction(text: str, end: int) -> bool:
    """ "DON'T", "CAN'T": capitals followed by an apostrophe and a letter other than s."""
    after = text[end : end + 2]
    return len(after) == 2 and after[0] in "'\u2019" and after[1].isalpha() and after[1] not in "sS"


def _spelt_out_before(text: str, match: re.Match[str]) -> bool:
    """ "Full Name (FN)" """
    start, end = match.span()
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    letters = _acronym_letters(match.group(1))
    before = _LETTERS.findall(text, max(0, start - 1 - 200), start - 1)
    return _matches_words(letters, before[-(len(letters) + 4) :])


def _spelt_out_after(text: str, match: re.Match[str]) -> bool:
    """ "FN (Full Name)" """
    brackets = _DEFINITION_AFTER.match(text, match.end())
    if brackets is None:
        return False
    return _matches_words(_acronym_letters(match.group(1)), _LETTERS.findall(brackets.group(1)))


def _acronym_letters(key: str) -> str:
    return "".join(char for char in key.casefold() if char.isalpha())


def _matches_words(letters: str, words: list[str]) -> bool:
    """True if some word starts with the first letter and the letters follow in order."""
    if not letters:
        return False
    for position, word in enumerate(words):
        if len(words) - position < 2:
            break
        if word[0].casefold() == letters[0] and _in_order(letters, "".join(words[position:])):
            return True
    return False


def _in_order(letters: str, text: str) -> bool:
    remaining = iter(text.casefold())
    return all(letter in remaining for letter in letters)


class _IgnoredPlaces:
    """Places to skip, runs of capitalised words, and lines with no lower-case letters.

    The places are merged so they never overlap, and a sorted list of starts finds them.
    """

    def __init__(self, text: str, skip: Sequence[tuple[int, int]]) -> None:
        self._text = text
        runs = [match.span() for match in _CAPITALS_RUN.finditer(text)]
        self._runs = _merged(sorted([*runs, *skip]))
        self._run_starts = [start for start, _ in self._runs]
        self._line_starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        self._shouting_lines: dict[int, bool] = {}

    def covers(self, position: int) -> bool:
        place = bisect.bisect_right(self._run_starts, position) - 1
        if place >= 0 and self._runs[place][1] > position:
            return True
        return self._line_is_shouting(bisect.bisect_right(self._line_starts, position) - 1)

    def _line_is_shouting(self, line: int) -> bool:
        if line not in self._shouting_lines:
            start = self._line_starts[line]
            end = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else None
            segment = self._text[start:end]
            self._shouting_lines[line] = segment.upper() == segment
        return self._shouting_lines[line]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
