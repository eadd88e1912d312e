"""Find jargon from the curated list in ``data/jargon.toml``.

All the word forms of all the entries go into one regular expression, built as a tree
of shared prefixes so that each place in the text is tried only once. Matching ignores
case, finds whole words only, and treats any run of spaces, line breaks or hyphens
between two words of a phrase as the same ("asset based" = "asset-based").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from copro.plainenglish.findings import Finding

KIND = "jargon"
_SEPARATOR_PATTERN = r"[\s\-\u2010\u2011]+"
_SEPARATOR = re.compile(_SEPARATOR_PATTERN)
_ISE = re.compile(r"is(e|es|ed|ing|ation|ations)$")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")
_SIBILANT = ("s", "x", "z", "ch", "sh")
_END_OF_TERM = object()


@dataclass(frozen=True, slots=True)
class JargonEntry:
    """One entry of the jargon list."""

    term: str
    alternatives: tuple[str, ...]
    reason: str
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class JargonIndex:
    """Every entry, each form's entry, and the expression that finds them."""

    entries: tuple[JargonEntry, ...]
    by_form: dict[str, JargonEntry]
    pattern: re.Pattern[str]  # for lower-case text


def normalise(phrase: str) -> str:
    """Lower case, with each run of spaces or hyphens made one space."""
    return " ".join(part for part in _SEPARATOR.split(phrase.casefold()) if part)


def find_jargon(text: str) -> list[Finding]:
    """Every match of the jargon list in ``text``, in order, never overlapping."""
    index = jargon_index()
    lowered = text.lower()
    if len(lowered) == len(text):
        # Faster: match the lower-cased copy, whose offsets are the same as the text's.
        matches = index.pattern.finditer(lowered)
    else:  # a few characters grow when lower-cased ("İ"): ignore case in the expression
        matches = _pattern_ignoring_case().finditer(text)
    findings = []
    for match in matches:
        start, end = match.span()
        entry = index.by_form.get(normalise(text[start:end]))
        if entry is None:  # an odd case-insensitive match (such as the long s)
            continue
        findings.append(
            Finding(
                kind=KIND,
                start=start,
                end=end,
                text=text[start:end],
                message=f'"{text[start:end]}" is not plain English. {entry.reason}',
                suggestion=f"Try {_quoted_choices(entry.alternatives)} instead.",
            )
        )
    return findings


def _quoted_choices(choices: tuple[str, ...]) -> str:
    quoted = [f'"{choice}"' for choice in choices]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


@lru_cache(maxsize=1)
def jargon_index() -> JargonIndex:
    """Load the list and build the expression (once per process)."""
    raw = resources.files("copro.plainenglish").joinpath("data/jargon.toml").read_text("utf-8")
    entries = tuple(_entry(item) for item in tomllib.loads(raw)["entry"])
    by_form: dict[str, JargonEntry] = {}
    for entry in entries:
        for form in entry.forms:
            by_form.setdefault(form, entry)
    return JargonIndex(
        entries=entries, by_form=by_form, pattern=re.compile(_pattern(sorted(by_form)))
    )


@lru_cache(maxsize=1)
def _pattern_ignoring_case() -> re.Pattern[str]:
    return re.compile(jargon_index().pattern.pattern, re.IGNORECASE)


def _entry(item: dict) -> JargonEntry:
    term = item["term"]
    alternatives = tuple(item["alternatives"])
    reason = item["reason"]
    if not (isinstance(term, str) and term.strip() and alternatives and reason.strip()):
        raise ValueError(f"Jargon entry {item!r} needs a term, alternatives and a reason.")
    forms = {term} | set(item.get("forms", []))
    if item.get("inflect", True):
        forms |= _inflections(term.casefold())
    forms = {normalise(form) for form in forms}
    forms |= {_ISE.sub(r"iz\1", form) for form in forms}
    return JargonEntry(
        term=term, alternatives=alternatives, reason=reason, forms=tuple(sorted(forms))
    )


def _inflections(term: str) -> set[str]:
    """The usual endings on the last word and, for phrases, on the first word too.

    A hyphenated word counts as one word here: "co-design" gives "co-designed", not
    "cos-design".
    """
    words = term.split()
    forms = {" ".join([*words[:-1], ending]) for ending in word_endings(words[-1])}
    if len(words) > 1:
        forms |= {" ".join([ending, *words[1:]]) for ending in word_endings(words[0])}
    return forms


def word_endings(word: str) -> set[str]:
    """A word with -s, -ed and -ing, and -ation for -ise and -ate verbs.

    This makes a few non-words too ("utiliseed" is never made, but "leverages" and
    "deliverables" are), which do no harm: they simply never appear in a text.
    """
    if word.endswith("e"):
        stem = word[:-1]
        forms = {word, word + "s", word + "d", stem + "ing"}
        if word.endswith(("ise", "ize", "ate")):
            forms |= {stem + "ation", stem + "ations"} if word[-3] == "i" else set()
            forms |= {stem + "ion", stem + "ions"} if word.endswith("ate") else set()
        return forms
    if _CONSONANT_Y.search(word):
        return {word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    plural = word + "es" if word.endswith(_SIBILANT) else word + "s"
    return {word, plural, word + "ed", word + "ing"}


def _pattern(forms: list[str]) -> str:
    tree: dict = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[_END_OF_TERM] = True
    return rf"(?<!\w)(?:{_tree_pattern(tree)})(?!\w)"


def _tree_pattern(node: dict) -> str:
    """A regular expression for a prefix tree; longer forms are tried first."""
    branches = [
        _char_pattern(char) + _tree_pattern(child)
        for char, child in sorted((k, v) for k, v in node.items() if k is not _END_OF_TERM)
    ]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END_OF_TERM in node:
        return f"(?:{group})?"
    return group


def _char_pattern(char: str) -> str:
    return _SEPARATOR_PATTERN if char == " " else re.escape(char)
