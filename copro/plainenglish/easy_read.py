"""The Easy Read standard: stricter checks for text written for people with a learning
disability (the conventions of Mencap's "Am I making myself clear?" and the Department of
Health's "Making written information easier to understand").

With ``analyse(text, standard="easy_read")``:

- a sentence is long when it has more than ``EASY_READ_SENTENCE_WORDS`` (15) words;
- ``two_ideas``: a sentence that seems to hold more than one idea - joined by a semicolon,
  a colon or a dash, by a comma and a joining word ("..., and ...", "..., but ..."), or by
  a word that adds a second idea ("which", "although", "however", "whereas", "unless");
- ``number_word``: a number written as a word ("three", "twenty") - Easy Read uses digits
  ("3", "20"). "One" is left alone ("the one you like");
- ``abbreviation``: any short form, even one spelt out or well known ("NHS", "e.g.",
  "etc", "approx", "&"): Easy Read writes the words.

A guess, like the other checks: it cannot tell whether a picture sits beside each point or
whether a figure of speech is used; people check those.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from copro.plainenglish.findings import (
    ABBREVIATION,
    ACRONYM,
    LONG_SENTENCE,
    NUMBER_WORD,
    TWO_IDEAS,
    Finding,
)
from copro.plainenglish.verdict import HARD, Verdict

if TYPE_CHECKING:
    from copro.plainenglish.report import Sentence

EASY_READ = "easy_read"
PLAIN = "plain"
STANDARDS = (PLAIN, EASY_READ)
EASY_READ_SENTENCE_WORDS = 15

_JOINS = re.compile(
    r"[;:]\s|\s[\u2013\u2014-]\s"
    r"|,\s+(?:and|but|or|so|because|while|who|which|when)\b"
    r"|\b(?:which|although|though|however|whereas|unless|whilst)\b",
    re.IGNORECASE,
)
_NUMBERS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "half", "quarter",
)  # fmt: skip
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBERS) + r")\b", re.IGNORECASE)
_ABBREVIATION = re.compile(
    r"(?<![\w&])(?:[A-Z][A-Z0-9&]*[A-Z0-9]s?)(?![\w&])"  # NHS, A&E, GPs
    r"|\b(?:e\.g|i\.e|etc|approx|incl|esp|tel|mins?|hrs?|wk|wks|Mr|Mrs|Ms)\."
    r"|\betc\b|(?<=\s)&(?=\s)",
)


def easy_read_findings(
    text: str, sentences: list[Sentence], span_findings: list[Finding]
) -> list[Finding]:
    """Sentence findings (two_ideas) and word findings (number_word, abbreviation). A word
    finding never overlaps another span finding, except an acronym, which it replaces."""
    findings = _sentence_findings(sentences)
    taken = [(f.start, f.end) for f in span_findings if f.kind != ACRONYM]
    for finding in _word_findings(text):
        if not any(start < finding.end and finding.start < end for start, end in taken):
            findings.append(finding)
    return findings


def _sentence_findings(sentences: list[Sentence]) -> list[Finding]:
    findings: list[Finding] = []
    for sentence in sentences:
        join = _JOINS.search(sentence.text)
        if join is not None and not _is_list_intro(sentence.text, join):
            findings.append(
                Finding(
                    kind=TWO_IDEAS,
                    start=sentence.start,
                    end=sentence.end,
                    text=sentence.text,
                    message="This sentence may hold more than one idea. Easy Read has one "
                    "idea in each sentence.",
                    suggestion=f'Split it where it says "{join.group().strip()}".',
                )
            )
    return findings


def _word_findings(text: str) -> list[Finding]:
    findings: list[Finding] = []
    for match in _NUMBER_WORD.finditer(text):
        findings.append(
            Finding(
                kind=NUMBER_WORD,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                message=f'"{match.group()}" is a number written as a word.',
                suggestion="Write numbers as digits, for example 3 instead of three.",
            )
        )
    for match in _ABBREVIATION.finditer(text):
        if match.group() == "I":
            continue
        findings.append(
            Finding(
                kind=ABBREVIATION,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                message=f'"{match.group()}" is a short form. Easy Read writes the words.',
                suggestion="Write the words in full.",
            )
        )
    return findings


def _is_list_intro(sentence: str, join: re.Match) -> bool:
    """A colon that ends the sentence ("You will need:") introduces a list: one idea."""
    return join.group().startswith(":") and not sentence[join.end() :].strip()


_NAMES = {  # (one, more than one)
    LONG_SENTENCE: ("sentence longer than {n} words", "sentences longer than {n} words"),
    TWO_IDEAS: (
        "sentence that may hold more than one idea",
        "sentences that may hold more than one idea",
    ),
    NUMBER_WORD: ("number written as a word", "numbers written as words"),
    ABBREVIATION: ("short form", "short forms"),
}


def easy_read_verdict(plain: Verdict, findings: list[Finding], limit: int) -> Verdict:
    """Easy Read is met only with none of its findings; otherwise "hard", saying why."""
    counts = dict.fromkeys(_NAMES, 0)
    for finding in findings:
        counts[finding.kind] += 1
    problems = [
        f"{count} {_NAMES[kind][count != 1].format(n=limit)}"
        for kind, count in counts.items()
        if count
    ]
    if not problems:
        return Verdict(plain.level, f"This meets the Easy Read checks. {plain.reason}")
    return Verdict(HARD, f"This is not Easy Read yet. It has {_and(problems)}.")


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
