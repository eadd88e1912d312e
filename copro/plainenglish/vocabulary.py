"""Word lists are written as one string of words separated by spaces, for easy reading."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())
