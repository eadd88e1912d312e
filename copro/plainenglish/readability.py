"""Reading-ease figures, worked out from our own sentence count.

textstat's own sentence counter treats "e.g.", "Mr." and "5.5" as sentence ends and a
bulleted list as one sentence, so we count sentences ourselves (see ``sentences``), count
words and syllables the way textstat does (see ``words``), and apply the standard
formulas:

- Flesch reading ease = 206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words)
- Flesch-Kincaid grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59

On ordinary text, where textstat finds the same sentences, the results equal
``textstat.flesch_reading_ease`` and ``textstat.flesch_kincaid_grade``. The figures are
not clipped: a text of very short words can score above 100, and a hard one below 0.
With no words, every figure is None.

Reading time assumes 200 words a minute, rounded up to the next whole second.
"""

from __future__ import annotations

from dataclasses import dataclass

WORDS_PER_MINUTE = 200


@dataclass(frozen=True, slots=True)
class Readability:
    word_count: int
    sentence_count: int
    syllable_count: int
    average_sentence_length: float | None  # words per sentence
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    reading_time_seconds: int

    def to_dict(self) -> dict[str, object]:
        return {
            "word_count": self.word_count,
            "sentence_count": self.sentence_count,
            "syllable_count": self.syllable_count,
            "average_sentence_length": _rounded(self.average_sentence_length),
            "flesch_reading_ease": _rounded(self.flesch_reading_ease),
            "flesch_kincaid_grade": _rounded(self.flesch_kincaid_grade),
            "reading_time_seconds": self.reading_time_seconds,
            "words_per_minute": WORDS_PER_MINUTE,
        }


def measure(*, words: int, sentences: int, syllables: int) -> Readability:
    """The figures for a text with these counts."""
    reading_time = -(-words * 60 // WORDS_PER_MINUTE)  # whole seconds, rounded up
    if words == 0 or sentences == 0:
        return Readability(words, sentences, syllables, None, None, None, reading_time)
    words_per_sentence = words / sentences
    syllables_per_word = syllables / words
    return Readability(
        word_count=words,
        sentence_count=sentences,
        syllable_count=syllables,
        average_sentence_length=words_per_sentence,
        flesch_reading_ease=206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        flesch_kincaid_grade=0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        reading_time_seconds=reading_time,
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
