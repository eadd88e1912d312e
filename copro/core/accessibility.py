"""What the accessibility statement says about testing and known problems, in one place so a
test can hold the statement to what the tests really check (tests/core/test_fmt4_*)."""

import datetime
from dataclasses import dataclass

PREPARED_ON = datetime.date(2026, 12, 7)
REVIEWED_ON = datetime.date(2026, 12, 7)
TESTED_ON = datetime.date(2026, 12, 7)

# What the browser tests check on every page their journeys visit (tests/browser/conftest.py).
STANDARD = "Web Content Accessibility Guidelines (WCAG) version 2.2, levels A and AA"
REFLOW_WIDTH_PX = 320
TEXT_ZOOM_PERCENT = 200


@dataclass(frozen=True)
class KnownProblem:
    what: str  # in plain words, what does not work and for whom
    rule: str  # the WCAG success criterion, or the law
    fix_by: datetime.date


KNOWN_PROBLEMS = [
    KnownProblem(
        "The service is only in English. You can ask for papers in another language, but the "
        "pages themselves have not been translated yet.",
        "The Equality Act 2010 (making reasonable adjustments)",
        datetime.date(2027, 6, 30),
    ),
    KnownProblem(
        "Easy Read versions exist for the guidance about co-production, being paid and your "
        "data, but not yet for every page, such as the forms you fill in.",
        "The Equality Act 2010 (making reasonable adjustments)",
        datetime.date(2027, 3, 31),
    ),
    KnownProblem(
        "Papers for meetings are uploaded by the people who run them. Some PDF papers may not "
        "work well with a screen reader. We make large-print copies of Word, OpenDocument and "
        "text papers, but not of PDFs: ask the organiser for the format you need.",
        "WCAG 2.2 success criterion 1.3.1 (info and relationships)",
        datetime.date(2027, 3, 31),
    ),
    KnownProblem(
        "Some wide tables, such as the times you can take part, scroll sideways inside their "
        "own box on small screens. The rest of the page does not scroll sideways.",
        "WCAG 2.2 success criterion 1.4.10 (reflow) allows this for data tables",
        datetime.date(2027, 3, 31),
    ),
    KnownProblem(
        "Disabled people have not yet tested the whole service with us. Automated tests cannot "
        "find every problem.",
        "Good practice: a full audit by people who use assistive technology",
        datetime.date(2027, 3, 31),
    ),
]
