"""The JSON Schema of ``Report.to_dict()`` (JSON Schema 2020-12). SCHEMA.md explains it."""

from __future__ import annotations

import copy

from copro.plainenglish.findings import FINDING_KINDS
from copro.plainenglish.report import REPORT_VERSION
from copro.plainenglish.verdict import VERDICT_LEVELS

_COUNT = {"type": "integer", "minimum": 0}
_OFFSET = {
    "type": "integer",
    "minimum": 0,
    "description": "Offset in Unicode code points (Python str index) into the analysed text.",
}
_FIGURE = {
    "type": ["number", "null"],
    "description": "Rounded to 2 decimal places; null when there are no words.",
}


def _object(properties: dict, description: str = "") -> dict:
    result = {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }
    if description:
        result["description"] = description
    return result


_FINDING = _object(
    {
        "kind": {"type": "string", "enum": list(FINDING_KINDS)},
        "start": _OFFSET,
        "end": _OFFSET,
        "text": {"type": "string", "description": "Exactly the analysed text from start to end."},
        "message": {"type": "string", "description": "What may be wrong, in plain English."},
        "suggestion": {"type": "string", "description": "What to try instead, in plain English."},
    },
    "long_sentence findings cover a whole sentence and may contain other findings; "
    "findings of the other kinds never overlap each other.",
)
_SENTENCE = _object(
    {
        "start": _OFFSET,
        "end": _OFFSET,
        "text": {"type": "string"},
        "word_count": {"type": "integer", "minimum": 1},
    }
)

_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Plain English report",
    **_object(
        {
            "version": {"type": "string", "const": REPORT_VERSION},
            "settings": _object(
                {
                    "long_sentence_words": {"type": "integer", "minimum": 1},
                    "standard": {"type": "string", "enum": ["plain", "easy_read"]},
                }
            ),
            "verdict": _object(
                {
                    "level": {"type": "string", "enum": list(VERDICT_LEVELS)},
                    "reason": {"type": "string"},
                }
            ),
            "readability": _object(
                {
                    "word_count": _COUNT,
                    "sentence_count": _COUNT,
                    "syllable_count": _COUNT,
                    "average_sentence_length": _FIGURE,
                    "flesch_reading_ease": _FIGURE,
                    "flesch_kincaid_grade": _FIGURE,
                    "reading_time_seconds": _COUNT,
                    "words_per_minute": {"type": "integer", "const": 200},
                }
            ),
            "finding_counts": _object({kind: _COUNT for kind in FINDING_KINDS}),
            "findings": {
                "type": "array",
                "items": _FINDING,
                "description": "Sorted by start, then end, then kind.",
            },
            "sentences": {"type": "array", "items": _SENTENCE, "description": "In text order."},
        }
    ),
}


def schema() -> dict:
    """A fresh copy of the JSON Schema for ``Report.to_dict()``."""
    return copy.deepcopy(_SCHEMA)
