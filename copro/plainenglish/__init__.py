"""Plain English checks for the texts people write on Working Together.

Pure Python with no Django import, so a page, the API and the ``copro plain-english``
command can all use it::

    from copro.plainenglish import analyse
    report = analyse(text)
    report.verdict.level          # "easy", "fairly easy" or "hard"
    report.findings               # Finding(kind, start, end, text, message, suggestion)
    report.to_dict()              # JSON-ready; shape in SCHEMA.md and schema()

``extract_text(data, filename)`` reads .txt, .md, .docx and .odt uploads.
README.md in this folder explains the rules and their limits.
"""

from copro.plainenglish.analyser import (
    DEFAULT_LONG_SENTENCE_WORDS,
    analyse,
    split_sentences,
    warm_up,
)
from copro.plainenglish.extract import ExtractionError, extract_text
from copro.plainenglish.findings import FINDING_KINDS, Finding
from copro.plainenglish.readability import WORDS_PER_MINUTE, Readability
from copro.plainenglish.report import REPORT_VERSION, Report, Sentence
from copro.plainenglish.schema import schema
from copro.plainenglish.verdict import VERDICT_LEVELS, Verdict

__all__ = [
    "DEFAULT_LONG_SENTENCE_WORDS",
    "FINDING_KINDS",
    "REPORT_VERSION",
    "VERDICT_LEVELS",
    "WORDS_PER_MINUTE",
    "ExtractionError",
    "Finding",
    "Readability",
    "Report",
    "Sentence",
    "Verdict",
    "analyse",
    "extract_text",
    "schema",
    "split_sentences",
    "warm_up",
]
