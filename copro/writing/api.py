"""POST /api/v1/plain-english: the same report as the page and the command, as JSON."""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from copro.core.api_schemas import Problem
from copro.plainenglish import analyse
from copro.writing.forms import MAX_TEXT_CHARACTERS

router = Router(tags=["plain English"])


class TextIn(Schema):
    text: str = Field(..., max_length=MAX_TEXT_CHARACTERS, description="The text to check.")
    long_sentence_words: int = Field(
        25, ge=5, le=100, description="Sentences longer than this many words are flagged."
    )
    standard: Literal["plain", "easy_read"] = Field(
        "plain",
        description='"easy_read" adds the Easy Read checks (one idea a sentence, numbers as '
        "digits, no short forms) and flags sentences longer than 15 words at most.",
    )


class SettingsOut(Schema):
    long_sentence_words: int
    standard: str = Field(..., description='"plain" or "easy_read"')


class VerdictOut(Schema):
    level: str = Field(..., description='"easy", "fairly easy" or "hard"')
    reason: str


class ReadabilityOut(Schema):
    word_count: int
    sentence_count: int
    syllable_count: int
    average_sentence_length: float | None
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    reading_time_seconds: int
    words_per_minute: int


class FindingCountsOut(Schema):
    long_sentence: int
    jargon: int
    co_prefix: int
    acronym: int
    passive: int
    two_ideas: int
    number_word: int
    abbreviation: int


class FindingOut(Schema):
    kind: str
    start: int = Field(..., description="Character offset where the finding starts.")
    end: int = Field(..., description="Character offset just after it ends.")
    text: str
    message: str
    suggestion: str


class SentenceOut(Schema):
    start: int
    end: int
    text: str
    word_count: int


class ReportOut(Schema):
    version: str
    settings: SettingsOut
    verdict: VerdictOut
    readability: ReadabilityOut
    finding_counts: FindingCountsOut
    findings: list[FindingOut]
    sentences: list[SentenceOut]


@router.post(
    "",
    response={200: ReportOut, 400: Problem, 422: Problem},
    auth=None,
    summary="Check how easy a text is to read",
    description="Nothing is stored. Public, like the page: the guidance asks everyone to write "
    "plainly, including people who have no account.",
)
def check(request: HttpRequest, payload: TextIn):
    return analyse(
        payload.text, long_sentence_words=payload.long_sentence_words, standard=payload.standard
    ).to_dict()
