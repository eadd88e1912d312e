"""Time the plain English analyser on a realistic 10,000-word document.

    python bench/bench_plainenglish.py [--runs N] [--words N] [--limit-ms MS]

Prints the first (cold) run, then the median and 95th percentile of N warm runs in
milliseconds. Exits with status 1 if the median is over the limit (200 ms by default).
The cold run loads the pronouncing dictionary and builds the jargon expression once per
process; ``copro.plainenglish.warm_up()`` does that at start-up instead.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from copro.plainenglish import analyse, words  # noqa: E402 - after the path is set

try:  # textstat's own cache, emptied for the "empty caches" figure
    from textstat.backend.counts._count_syllables import count_syllables
except ImportError:  # another textstat layout: its cache simply stays warm
    count_syllables = None

SENTENCES = [
    "The council will work with residents to plan the new youth service from the start.",
    "We met at the library on Tuesday evening and twelve people came along.",
    "Going forward, we will utilise the skills of all stakeholders in order to deliver "
    "better outcomes.",
    "The plan was agreed by the steering group after a long discussion about money.",
    "People told us the bus times made it hard to get to meetings in the town centre.",
    "Experts by experience and council staff shared the chairing of every session.",
    "We paid people for their time, e.g. £15 an hour, and covered travel costs.",
    "Mr Ahmed and Dr Jones explained how the NHS and the ICB fund local care.",
    "The figures rose by 5.5 per cent last year, i.e. faster than we expected.",
    "Our aim is to co-create and co-deliver a holistic, asset-based offer with partners.",
    "Meetings were held on different days of the week so that more people could come.",
    "The report will be published on our website at www.example.gov.uk/youth in May.",
    "If you need the papers in large print or another language, please ask us.",
    "Some people found the online forms confusing, so we printed paper copies too.",
    "The Special Educational Needs and Disabilities (SEND) team joined the group in June.",
    "We must ensure that the commissioning process is transparent and robust.",
    "A number of residents said they had never been asked for their views before.",
    "The group decided to test the idea in two wards before rolling it out more widely.",
    "Feedback was collected through short surveys, phone calls and drop-in sessions.",
    "Everyone who took part was offered training, time credits and a certificate.",
    "This is a long sentence that keeps going because the writer wanted to include every "
    "single detail about the project, the people who took part, the places where the "
    "meetings happened and the many different things that were discussed along the way.",
    "The KPIs for the project will be reviewed every quarter by the board.",
    "We will touch base with the voluntary sector to leverage their networks.",
    "Young carers told us that they wanted more say in how the service is run.",
    "Staff were trained to listen well and to share power in meetings.",
    "Please contact the team at coproduction@example.gov.uk if you have questions.",
]
BULLETS = [
    "- Meetings at different times of day",
    "- Papers sent out a week before",
    "- Interpreters booked when needed",
    "1. Agree the aims together",
    "2. Share the budget openly",
    "a) Review what worked and what did not",
]
HEADINGS = ["# What we did", "# What people told us", "# What happens next", "## Money"]


def build_document(words: int, seed: int = 2026) -> str:
    """A document of about ``words`` words: paragraphs, headings and lists."""
    chooser = random.Random(seed)  # noqa: S311 - test data, not security
    parts: list[str] = []
    count = 0
    while count < words:
        roll = chooser.random()
        markers = 0  # list markers and "#" are not words
        if roll < 0.08:
            block, markers = chooser.choice(HEADINGS), 1
        elif roll < 0.2:
            block, markers = "\n".join(chooser.sample(BULLETS, 3)), 3
        else:
            block = " ".join(chooser.choice(SENTENCES) for _ in range(chooser.randint(2, 6)))
        parts.append(block)
        count += len(block.split()) - markers
    return "\n\n".join(parts)


def _median_and_p95(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[round(0.95 * (len(ordered) - 1))]


def _empty_word_caches() -> None:
    words._token_syllables.cache_clear()
    words._syllables.cache_clear()
    textstat_cache = getattr(count_syllables, "cache_clear", None)
    if textstat_cache is not None:
        textstat_cache()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--limit-ms", type=float, default=200.0)
    options = parser.parse_args()

    document = build_document(options.words)
    started = time.perf_counter()
    report = analyse(document)
    cold = (time.perf_counter() - started) * 1000

    timings = []
    for _ in range(options.runs):
        started = time.perf_counter()
        analyse(document)
        timings.append((time.perf_counter() - started) * 1000)
    median, p95 = _median_and_p95(timings)

    # The same document with every word-level cache emptied first: the cost of a text
    # whose words the process has never seen (the dictionary itself stays loaded).
    fresh = []
    for _ in range(max(3, options.runs // 5)):
        _empty_word_caches()
        started = time.perf_counter()
        analyse(document)
        fresh.append((time.perf_counter() - started) * 1000)
    fresh_median, fresh_p95 = _median_and_p95(fresh)

    print(
        f"plainenglish: {report.readability.word_count} words, "
        f"{report.readability.sentence_count} sentences, {len(report.findings)} findings"
    )
    print(f"first run (cold): {cold:.1f} ms")
    print(f"{options.runs} warm runs: median {median:.1f} ms, p95 {p95:.1f} ms")
    print(
        f"{len(fresh)} runs with empty word caches: "
        f"median {fresh_median:.1f} ms, p95 {fresh_p95:.1f} ms"
    )
    if median > options.limit_ms:
        print(f"FAIL: the median is over {options.limit_ms:.0f} ms")
        return 1
    print(f"OK: the median is within {options.limit_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
