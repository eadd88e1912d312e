"""The reference population: read a CSV of Census-style shares, check it, store it (IO-12); and
the table that maps its rows to our answer choices, so that comparisons are like for like.

The file format is described in copro/people/data/README.md. An import replaces every figure at
once, in one transaction, or changes nothing and says in plain English what is wrong.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.db import transaction

from copro.people.models import User
from copro.people.models.equality import (
    PREFER_NOT_TO_SAY,
    AgeBand,
    Circumstance,
    EthnicGroup,
    GenderIdentity,
    ReferenceFigure,
    Religion,
    Sex,
    SexualOrientation,
    YesNo,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
OXFORDSHIRE_FILE = DATA_DIR / "oxfordshire-census-2021.csv"
CREDIT = (
    "Source: Office for National Statistics, Census 2021, licensed under the Open Government "
    "Licence v3.0"
)

COLUMNS = ("category", "group", "percent", "base", "source")
MAX_BYTES = 1024 * 1024  # 1 MB: a whole country's worth of categories is far smaller
MAX_LENGTHS = {"category": 60, "group": 120, "base": 120, "source": 500}
# Each category adds up to 100, give or take the rounding of each row to one decimal place.
LOWEST_SUM, HIGHEST_SUM = Decimal("99.8"), Decimal("100.2")
# A spreadsheet treats a cell that starts with one of these as a formula (IO-5).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_MESSAGES = 20
# Plain figures only: no exponents, underscores, "NaN" or digits from other scripts.
NUMBER = re.compile(r"[0-9]{1,3}(\.[0-9]+)?")
NEGATIVE = re.compile(r"-[0-9]+(\.[0-9]+)?")


class ReferenceImportError(ValueError):
    """The file cannot be imported. `messages` says why, in plain English, one line each."""

    def __init__(self, messages: list[str]):
        self.messages = messages[:MAX_MESSAGES]
        if len(messages) > MAX_MESSAGES:
            self.messages.append(f"There are {len(messages) - MAX_MESSAGES} more problems.")
        super().__init__("; ".join(self.messages))


@dataclass(frozen=True)
class ParsedFigure:
    category: str
    group: str
    percent: Decimal
    base: str
    source: str


# --- Reading and checking ----------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ReferenceImportError(
            [f"The file is too big. It must be 1 MB or smaller; this one is {len(data):,} bytes."]
        )
    try:
        text = data.decode("utf-8-sig")  # a byte order mark from Excel is fine
    except UnicodeDecodeError:
        raise ReferenceImportError(
            [
                "The file is not saved as UTF-8 text. In a spreadsheet, use 'Save as' and "
                "choose 'CSV UTF-8'."
            ]
        ) from None
    if "\x00" in text:
        raise ReferenceImportError(["The file is not a CSV text file: it has null characters."])
    if not text.strip():
        raise ReferenceImportError(["The file is empty."])
    return text


def _rows(text: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise ReferenceImportError(
            [f"The file could not be read as CSV ({error}). Check the quotes and commas."]
        ) from None


def _check_header(header: list[str]) -> None:
    names = [name.strip().lower() for name in header]
    missing = [c for c in COLUMNS if c not in names]
    extra = [n for n in names if n not in COLUMNS]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if missing or extra or repeated:
        messages = [f"The first row must name the columns {', '.join(COLUMNS)}."]
        if missing:
            messages.append(f"These columns are missing: {', '.join(missing)}.")
        if extra:
            shown = ", ".join(repr(n[:40]) for n in extra[:5])
            messages.append(f"These columns are not expected: {shown}.")
        if repeated:
            messages.append(f"These columns appear more than once: {', '.join(repeated)}.")
        raise ReferenceImportError(messages)


def _percent(raw: str, line: int) -> tuple[Decimal | None, str | None]:
    number = raw.removesuffix("%").strip()
    if NEGATIVE.fullmatch(number):
        return None, f"Row {line}: the percent {raw[:20]} must be between 0 and 100."
    if not NUMBER.fullmatch(number):
        return None, (
            f"Row {line}: the percent '{raw[:20]}' is not a number. Write it with figures, "
            "like 12.5."
        )
    value = Decimal(number)
    if value > 100:
        return None, f"Row {line}: the percent {raw[:20]} must be between 0 and 100."
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), None


def _check_cells(cells: dict[str, str], line: int) -> list[str]:
    problems = []
    for column in ("category", "group", "base", "source"):
        value = cells[column]
        if not value:
            problems.append(f"Row {line}: the {column} is empty.")
        elif value.startswith(FORMULA_STARTS):
            problems.append(
                f"Row {line}: the {column} starts with '{value[0]!s}', which a spreadsheet "
                "would run as a formula. Remove that character."
            )
        elif len(value) > MAX_LENGTHS[column]:
            problems.append(
                f"Row {line}: the {column} is too long. It must be "
                f"{MAX_LENGTHS[column]} characters or fewer."
            )
        elif not value.isprintable():
            problems.append(f"Row {line}: the {column} has characters that cannot be shown.")
    if cells["percent"].startswith(("=", "+", "@", "\t", "\r")):
        problems.append(
            f"Row {line}: the percent starts with '{cells['percent'][0]}', which a spreadsheet "
            "would run as a formula. Give a number."
        )
    return problems


def _parse_row(row: list[str], header: list[str], line: int) -> tuple[ParsedFigure | None, list]:
    if len(row) != len(header):
        return None, [f"Row {line} has {len(row)} cells, but there are {len(header)} columns."]
    cells = {name: value.strip() for name, value in zip(header, row, strict=True)}
    problems = _check_cells(cells, line)
    percent, problem = (None, None) if problems else _percent(cells["percent"], line)
    if problem:
        problems.append(problem)
    if problems:
        return None, problems
    return ParsedFigure(
        category=cells["category"],
        group=cells["group"],
        percent=percent,
        base=cells["base"],
        source=cells["source"],
    ), []


def _check_categories(figures: list[ParsedFigure]) -> list[str]:
    problems = []
    seen: set[tuple[str, str]] = set()
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for figure in figures:
        key = (figure.category.lower(), figure.group.lower())
        if key in seen:
            problems.append(
                f"The group '{figure.group}' appears more than once in '{figure.category}'."
            )
        seen.add(key)
        sums[figure.category] += figure.percent
    for category, total in sums.items():
        if not LOWEST_SUM <= total <= HIGHEST_SUM:
            problems.append(
                f"The percents for '{category}' add up to {total}. They must add up to 100 "
                f"(anything from {LOWEST_SUM} to {HIGHEST_SUM}, to allow for rounding)."
            )
    return problems


def reference_parse(data: bytes) -> list[ParsedFigure]:
    """Check a whole file. Raises ReferenceImportError, and nothing else, for a bad file."""
    rows = [row for row in _rows(_decode(data)) if any(cell.strip() for cell in row)]
    if not rows:
        raise ReferenceImportError(["The file is empty."])
    _check_header(rows[0])
    header = [name.strip().lower() for name in rows[0]]
    figures, problems = [], []
    for line, row in enumerate(rows[1:], start=2):
        figure, row_problems = _parse_row(row, header, line)
        problems.extend(row_problems)
        if figure:
            figures.append(figure)
    if not figures and not problems:
        problems.append("The file has column names but no figures.")
    if not problems:
        problems = _check_categories(figures)
    if problems:
        raise ReferenceImportError(problems)
    return figures


# --- Writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    figures: int
    categories: int
    not_compared: tuple[str, ...] = ()  # stored and shown, but no question compares with them


@transaction.atomic
def reference_import(*, data: bytes, by: User | None = None) -> ImportResult:
    """Replace every reference figure with the file's, or change nothing."""
    figures = reference_parse(data)
    ReferenceFigure.objects.all().delete()
    ReferenceFigure.objects.bulk_create(
        ReferenceFigure(
            category=f.category,
            group=f.group,
            percent=f.percent,
            base=f.base,
            source=f.source,
            created_by=by,
            updated_by=by,
        )
        for f in figures
    )
    categories = sorted({f.category for f in figures})
    return ImportResult(
        figures=len(figures),
        categories=len(categories),
        not_compared=tuple(c for c in categories if c not in compared_categories()),
    )


def reference_import_oxfordshire() -> ImportResult:
    return reference_import(data=OXFORDSHIRE_FILE.read_bytes())


# --- Like for like: which reference row each of our answers compares with ----------------------


@dataclass(frozen=True)
class ComparisonGroup:
    """One row of an inclusion table: the answers counted in it, and the reference group it is
    compared with (None where the reference population has no such group)."""

    label: str
    answers: tuple[str, ...]
    reference_group: str | None = None
    reach: str = ""  # completes "Plan how to reach ..."; empty for rows that are not a group


@dataclass(frozen=True)
class Comparison:
    field: str  # the EqualityAnswers field
    title: str
    reference_category: str  # the CSV category
    groups: tuple[ComparisonGroup, ...]


def _group(choice, reference_group: str | None, reach: str = "", label: str = ""):
    return ComparisonGroup(label or choice.label, (choice.value,), reference_group, reach)


def _prefer_not(reference_group: str | None = None) -> ComparisonGroup:
    # The Census's voluntary questions (gender identity, sexual orientation, religion) have a
    # "Not answered" group; our nearest answer is "Prefer not to say". The Census filled in the
    # other questions' gaps itself, so there "Prefer not to say" has no figure to compare with.
    return ComparisonGroup("Prefer not to say", (PREFER_NOT_TO_SAY,), reference_group)


# The explicit map from our answers to the reference file's categories and groups, so that
# each comparison is like for like. A reference group missing from the file shows "no figure".
# A question left unanswered is in no row; "Prefer not to say" is a row of its own.
COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        "age_band",
        "Age",
        "age",
        (
            _group(AgeBand.UNDER_16, "0-15", "children and young people under 16"),
            _group(AgeBand.AGE_16_24, "16-24", "young people aged 16 to 24"),
            _group(AgeBand.AGE_25_34, "25-34", "people aged 25 to 34"),
            _group(AgeBand.AGE_35_44, "35-44", "people aged 35 to 44"),
            _group(AgeBand.AGE_45_54, "45-54", "people aged 45 to 54"),
            _group(AgeBand.AGE_55_64, "55-64", "people aged 55 to 64"),
            _group(AgeBand.AGE_65_74, "65-74", "people aged 65 to 74"),
            _group(AgeBand.AGE_75_PLUS, "75+", "people aged 75 or over"),
            _prefer_not(),
        ),
    ),
    Comparison(
        "sex",
        "Sex",
        "sex",
        (
            _group(Sex.FEMALE, "Female", "women and girls"),
            _group(Sex.MALE, "Male", "men and boys"),
            _prefer_not(),
        ),
    ),
    Comparison(
        "gender_identity",
        "Gender identity",
        "gender_identity",
        (
            _group(
                GenderIdentity.SAME,
                "Same as sex registered at birth",
                label="Same as sex registered at birth",
            ),
            _group(
                GenderIdentity.DIFFERENT,
                "Different from sex registered at birth",
                "trans and non-binary people",
                "Different from sex registered at birth",
            ),
            _prefer_not("Not answered"),
        ),
    ),
    Comparison(
        "sexual_orientation",
        "Sexual orientation",
        "sexual_orientation",
        (
            _group(SexualOrientation.STRAIGHT, "Straight or heterosexual"),
            # The reference file gives one figure for all three, so they are counted together.
            ComparisonGroup(
                "Gay, lesbian, bisexual or another sexual orientation (LGB+)",
                (
                    SexualOrientation.GAY_OR_LESBIAN.value,
                    SexualOrientation.BISEXUAL.value,
                    SexualOrientation.OTHER.value,
                ),
                "Lesbian, gay, bisexual or other (LGB+)",
                "lesbian, gay, bisexual and other LGB+ people",
            ),
            _prefer_not("Not answered"),
        ),
    ),
    Comparison(
        "ethnic_group",
        "Ethnic group",
        "ethnic_group",
        (
            _group(
                EthnicGroup.ASIAN,
                "Asian, Asian British or Asian Welsh",
                "Asian, Asian British and Asian Welsh people",
            ),
            _group(
                EthnicGroup.BLACK,
                "Black, Black British, Black Welsh, Caribbean or African",
                "Black, Black British, Black Welsh, Caribbean and African people",
            ),
            _group(
                EthnicGroup.MIXED,
                "Mixed or Multiple ethnic groups",
                "people from mixed or multiple ethnic groups",
            ),
            _group(EthnicGroup.WHITE, "White", "White people"),
            _group(EthnicGroup.OTHER, "Other ethnic group", "people from other ethnic groups"),
            _prefer_not(),
        ),
    ),
    Comparison(
        "religion",
        "Religion",
        "religion",
        (
            _group(Religion.NO_RELIGION, "No religion", "people with no religion"),
            _group(Religion.CHRISTIAN, "Christian", "Christian people"),
            _group(Religion.BUDDHIST, "Buddhist", "Buddhist people"),
            _group(Religion.HINDU, "Hindu", "Hindu people"),
            _group(Religion.JEWISH, "Jewish", "Jewish people"),
            _group(Religion.MUSLIM, "Muslim", "Muslim people"),
            _group(Religion.SIKH, "Sikh", "Sikh people"),
            _group(Religion.OTHER, "Other religion", "people of other religions"),
            _prefer_not("Not answered"),
        ),
    ),
    Comparison(
        "disability",
        "Disabled under the Equality Act",
        "disability",
        (
            _group(YesNo.YES, "Disabled under the Equality Act", "disabled people", "Disabled"),
            _group(YesNo.NO, "Not disabled under the Equality Act", label="Not disabled"),
            _prefer_not(),
        ),
    ),
    Comparison(
        "unpaid_carer",
        "Unpaid carers",
        "unpaid_care",
        (
            _group(YesNo.YES, "Provides unpaid care", "unpaid carers", "Provides unpaid care"),
            _group(YesNo.NO, "Provides no unpaid care", label="Not a carer"),
            _prefer_not(),
        ),
    ),
)

# Circumstances have no reference figures. These are the groups the guidance names as often
# left out (FRAMEWORK.md, "Diversity"); each completes "Plan how to reach ...".
CIRCUMSTANCE_REACH: dict[str, str] = {
    Circumstance.HOMELESS: "people who are homeless",
    Circumstance.IN_PRISON: "people in prison",
    Circumstance.RESIDENTIAL_HOME: "people living in residential or care homes",
    Circumstance.YOUNG_RURAL: "young people in rural areas",
    Circumstance.GYPSY_TRAVELLER: "Gypsies and Travellers",
    Circumstance.COMMUNICATES_DIFFERENTLY: "people who communicate differently",
    Circumstance.DEMENTIA: "people living with dementia",
    Circumstance.OLDER_HIGH_SUPPORT: "older people who need a high level of support",
    Circumstance.NO_ORGANISED_GROUP: "people who belong to no organised group",
}


def compared_categories() -> set[str]:
    return {c.reference_category for c in COMPARISONS}
