"""Web addresses and email addresses, which the checks leave alone.

"www.example.gov.uk/co-create-guide" is not prose: no finding is reported inside one.
An address is a run of characters between spaces that holds "@", "://", "www." or a
common ending such as ".uk" or ".org", without any brackets, quotes or punctuation
around it.
"""

from __future__ import annotations

import bisect
import re

_ADDRESS = re.compile(
    r"(?<!\S)\S*?(?:@|://|www\.|\.(?:uk|com|org|net|gov|info|io|eu)\b)\S*",
    re.IGNORECASE,
)
_LEADING = "\"'([{<\u201c\u2018\u00ab"
_TRAILING = ".,;:!?)]}>'\"\u2019\u201d\u00bb"


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each web or email address, in order, never overlapping."""
    spans = []
    for match in _ADDRESS.finditer(text):
        start, end = match.span()
        while start < end - 1 and text[start] in _LEADING:
            start += 1
        while end > start + 1 and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


def outside(findings: list, spans: list[tuple[int, int]]) -> list:
    """The findings that do not overlap any of the (sorted, separate) spans."""
    if not spans:
        return findings
    starts = [start for start, _ in spans]
    kept = []
    for finding in findings:
        place = bisect.bisect_left(starts, finding.end) - 1
        if place >= 0 and spans[place][1] > finding.start:
            continue
        kept.append(finding)
    return kept
