"""One overall judgement: "easy", "fairly easy" or "hard", with a reason in plain words.

- No words at all: "easy", with the reason "There is no text to check yet." (There is
  nothing to fix, and a page can show the reason as it is.)
- "hard" if more than a quarter of the sentences are long, whatever the score.
- Otherwise by Flesch reading ease: 70 or more is "easy", 50 up to 70 is "fairly easy",
  below 50 is "hard".

The score in a reason is rounded and kept between 0 and 100 so that it reads naturally.
"""

from __future__ import annotations

from dataclasses import dataclass

from copro.plainenglish.readability import Readability

EASY = "easy"
FAIRLY_EASY = "fairly easy"
HARD = "hard"
VERDICT_LEVELS = (EASY, FAIRLY_EASY, HARD)

EASY_FROM = 70
FAIRLY_EASY_FROM = 50
LONG_SENTENCE_SHARE = 0.25
NO_TEXT_REASON = "There is no text to check yet."


@dataclass(frozen=True, slots=True)
class Verdict:
    level: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"level": self.level, "reason": self.reason}


def judge(readability: Readability, *, long_sentences: int, long_sentence_words: int) -> Verdict:
    ease = readability.flesch_reading_ease
    if ease is None:
        return Verdict(EASY, NO_TEXT_REASON)
    score = f"It scores {min(100, max(0, round(ease)))} out of 100 for reading ease"
    if long_sentences > LONG_SENTENCE_SHARE * readability.sentence_count:
        return Verdict(
            HARD,
            f"{long_sentences} of the {readability.sentence_count} sentences are longer than "
            f"{long_sentence_words} words. That is more than a quarter of them, and long "
            f"sentences are hard to follow. {score}.",
        )
    if ease >= EASY_FROM:
        return Verdict(EASY, f"Most people should find this easy to read. {score}.")
    if ease >= FAIRLY_EASY_FROM:
        return Verdict(
            FAIRLY_EASY,
            f"Most people can read this, but some will find it hard going. {score}: "
            f"aim for {EASY_FROM} or more with shorter sentences and everyday words.",
        )
    return Verdict(
        HARD,
        f"Many people will find this hard to read. {score}: aim for {EASY_FROM} or more "
        "with shorter sentences and everyday words.",
    )
