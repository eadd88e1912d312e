"""Guess where a sentence may be in the passive voice ("the plan was agreed").

The rule: a form of "to be" (am, is, are, was, were, be, been, being, isn't, aren't,
wasn't, weren't), then up to two adverbs ("not", "always", words ending in -ly), then a
past participle: a word ending in -ed, or one of the irregular participles listed below.
The words must follow each other with only spaces between them, in one sentence.

It is a guess, and every message says so. It misses passives without "to be" ("got
hurt") and flags some adjectives ("is based", "was closed"). Common feeling words
("tired", "interested", "worried") and -ed words that are not participles ("need",
"hundred") are left alone, and so is a capitalised word (most likely a name: "is Ted").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from copro.plainenglish.findings import PASSIVE, Finding
from copro.plainenglish.vocabulary import word_set

_TO_BE = re.compile(
    r"(?<![\w'\u2019-])(?:am|is|are|was|were|be|been|being|(?:is|are|was|were)n['\u2019]t)"
    r"(?![\w'\u2019-])",
    re.IGNORECASE,
)
# The next word: only spaces before it, and it must end at a word boundary.
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+(?:['\u2019][^\W\d_]+)*)(?![\w'\u2019-])")
_ADVERBS = word_set(
    """not never also always often still already just now then soon all both even ever
    further thus sometimes seldom rarely quite rather very well too so once first"""
)
_NOT_ADVERBS_IN_LY = word_set(
    """family supply apply reply rely italy july ally fly holy ugly early lovely friendly
    likely lonely silly jolly belly bully jelly rally tally hilly oily"""
)
_NOT_PARTICIPLES = word_set(
    """need needs seed feed deed weed heed reed speed breed greed steed creed tweed embed
    indeed hundred kindred sacred naked wicked rugged ragged jagged crooked beloved aged
    fred ted ned shed bed red wed led fed bred"""
)
_FEELINGS = word_set(
    """tired interested excited worried pleased delighted bored scared married ashamed
    annoyed amazed frightened thrilled"""
)
IRREGULAR_PARTICIPLES = word_set(
    """arisen awoken beaten become begun bent bitten bled blown born borne broken brought
    built burnt bought caught chosen dealt done drawn dreamt driven drunk eaten fallen
    fed felt fought found forbidden forecast forgotten forgiven frozen given ground
    grown hung heard hidden hit held hurt kept knelt known laid led lent let lit lost
    made meant met mistaken misunderstood overcome overseen overtaken overheard paid put
    read rebuilt redone remade retold rewritten run said seen sought sold sent set sewn
    shaken shot shown shrunk shut sung sunk slain slid spoken spent spun spread stolen
    stuck stung struck sworn swept taken taught torn told thought thrown thrust
    understood undertaken undone upheld upset woken worn woven won wound withdrawn
    withheld written left"""
)

_MESSAGE = (
    '"{text}" may be in the passive voice. This is a guess, so check it: '
    "passive sentences can hide who does what."
)
_SUGGESTION = (
    'If it is passive, say who does it: "we will review the plan" rather than '
    '"the plan will be reviewed".'
)


def find_passives(text: str, sentences: Sequence[tuple[int, int]]) -> list[Finding]:
    """Possible passives in ``text``, each inside one of the (sorted) ``sentences``."""
    starts = [start for start, _ in sentences]
    findings: list[Finding] = []
    for be in _TO_BE.finditer(text):
        if findings and be.start() < findings[-1].end:
            continue
        place = bisect.bisect_right(starts, be.start()) - 1
        if place < 0 or sentences[place][1] < be.end():
            continue
        end = _participle_end(text, be.end(), sentences[place][1])
        if end is not None:
            findings.append(_finding(text, be.start(), end))
    return findings


def _participle_end(text: str, position: int, sentence_end: int) -> int | None:
    """Where the participle after a form of "to be" ends, or None if there is none."""
    for words_seen in range(3):  # up to two adverbs, then the participle
        word = _NEXT_WORD.match(text, position, sentence_end)
        if word is None:
            return None
        if is_participle(word.group(1)):
            return word.end()
        if words_seen == 2 or not is_adverb(word.group(1)):
            return None
        position = word.end()
    return None


def is_participle(word: str) -> bool:
    if word[:1].isupper():
        return False
    lower = word.lower()
    if lower in IRREGULAR_PARTICIPLES:
        return True
    return (
        lower.endswith("ed")
        and len(lower) >= 4
        and lower not in _NOT_PARTICIPLES
        and lower not in _FEELINGS
    )


def is_adverb(word: str) -> bool:
    lower = word.lower()
    if lower in _ADVERBS:
        return True
    return lower.endswith("ly") and len(lower) >= 4 and lower not in _NOT_ADVERBS_IN_LY


def _finding(text: str, start: int, end: int) -> Finding:
    return Finding(
        kind=PASSIVE,
        start=start,
        end=end,
        text=text[start:end],
        message=_MESSAGE.format(text=text[start:end]),
        suggestion=_SUGGESTION,
    )
