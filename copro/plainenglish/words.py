"""Words and syllables, counted the way textstat 0.7.8 counts them.

A word is a run of characters between spaces that holds at least one letter or digit,
so "co-production", "don't", "£2.50" and "gov.uk" are one word each and a lone dash
is not a word. This matches textstat's own word count on ordinary text.

Syllables come from ``textstat.syllable_count`` (the CMU pronouncing dictionary, then
Pyphen), one word at a time, cached by the lower-cased word. Words longer than
64 characters (long addresses, pasted codes) are estimated by counting vowel groups
instead, because Pyphen takes time in proportion to the word's length.
"""

from __future__ import annotations

import re
from functools import lru_cache

import textstat

_TOKEN = re.compile(r"\S+")
_HAS_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_LONGEST_WORD_FOR_TEXTSTAT = 64
# textstat removes this punctuation anyway; trimming it lets more words share the cache.
_EDGE_PUNCTUATION = '"()[]{}<>,.;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb*\u2026-\u2013\u2014'
_CACHE_SIZE = 100_000


def count_words(text: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """(words, syllables) in ``text[start:end]``."""
    words = syllable_total = 0
    for token in _TOKEN.findall(text, start, len(text) if end is None else end):
        if len(token) <= _LONGEST_WORD_FOR_TEXTSTAT:
            count = _token_syllables(token)
        else:  # long tokens are not cached, so a pasted blob cannot fill the memory
            count = _estimate(token) if _HAS_LETTER_OR_DIGIT.search(token) else None
        if count is not None:
            words += 1
            syllable_total += count
    return words, syllable_total


def syllables(word: str) -> int:
    """How many syllables textstat counts in one word (0 or more)."""
    # A straight apostrophe at the end of a word is dropped by textstat too.
    key = word.strip(_EDGE_PUNCTUATION).rstrip("'").lower() or word.lower()
    if len(key) > _LONGEST_WORD_FOR_TEXTSTAT:
        return _estimate(key)
    return _syllables(key)


@lru_cache(maxsize=_CACHE_SIZE)
def _token_syllables(token: str) -> int | None:
    """Syllables in a token as it stands in the text, or None if it is not a word."""
    return syllables(token) if _HAS_LETTER_OR_DIGIT.search(token) else None


@lru_cache(maxsize=_CACHE_SIZE)
def _syllables(word: str) -> int:
    try:
        return int(textstat.syllable_count(word))
    except Exception:  # a third-party counter must never stop the analysis
        return _estimate(word)


def _estimate(word: str) -> int:
    return max(len(_VOWEL_GROUPS.findall(word.lower())), 1)


def warm_up() -> None:
    """Load textstat's pronouncing dictionary now (about a second) rather than on first use."""
    syllables("warm")
