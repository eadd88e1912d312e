"""Equality monitoring: a person's own answers (services), and totals for council staff
(selectors) with small numbers hidden.

Only the person sees their answers. Nothing here takes another person's id: the owner is always
the signed-in person (AZ-8). Staff get totals only, through `inclusion_table`, worked out from
the equality tables and the key alone (PRIV-5) and then suppressed (copro.core.suppression).
Nothing about an answer is ever logged (PRIV-4, LOG-4).
"""

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from copro.core.suppression import (
    Figure,
    Share,
    check_threshold,
    hidden_text,
    suppress_counts_only,
    suppress_table,
)
from copro.people.models import User
from copro.people.models.equality import (
    ANSWER_CHOICES,
    EXCLUSIVE_CIRCUMSTANCES,
    Circumstance,
    EqualityAnswers,
    EqualityKey,
    ReferenceFigure,
)
from copro.people.models.profile import Profile
from copro.people.reference import CIRCUMSTANCE_REACH, COMPARISONS, CREDIT, Comparison

log = logging.getLogger("copro.equality")

# Which explanation the person agreed to. Change it whenever the words on the consent page
# change in a way that matters, so that each record says what was agreed to (PRIV-1).
CONSENT_WORDING_VERSION = "2026-11"

QUESTIONS: dict[str, str] = {
    "age_band": "What is your age?",
    "sex": "What is your sex?",
    "gender_identity": "Is the gender you identify with the same as your sex registered at birth?",
    "sexual_orientation": "Which of the following best describes your sexual orientation?",
    "ethnic_group": "What is your ethnic group?",
    "religion": "What is your religion?",
    "disability": "Are you disabled under the Equality Act 2010?",
    "unpaid_carer": "Do you look after, or give help or support to, anyone because of a "
    "long-term health condition, a disability or problems related to old age?",
    "circumstances": "Do any of these apply to you?",
}
NOT_ANSWERED = "Not answered"


def suppression_threshold() -> int:
    """The smallest count that may be shown; a setting below 5 is refused, never raised."""
    return check_threshold(getattr(settings, "EQUALITY_SUPPRESSION_THRESHOLD", 5))


# --- Who may see what ----------------------------------------------------------------------


def may_see_inclusion(user: User) -> bool:
    """Council staff and administrators see totals; nobody sees anyone else's answers."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_council_staff or user.is_superuser)
    )


def may_manage_reference(user: User) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.role == User.Role.ADMINISTRATOR or user.is_superuser)
    )


def reference_manager_check(*, viewer: User) -> None:
    if not may_manage_reference(viewer):
        raise Http404


# --- A person's own answers ----------------------------------------------------------------


def equality_answers_for(*, user: User) -> EqualityAnswers | None:
    """The signed-in person's own answers, or None. There is no way to ask for anyone else's."""
    if not user.is_authenticated:
        return None
    keys = EqualityKey.objects.filter(user=user).values("pseudonym")
    return EqualityAnswers.objects.filter(pseudonym__in=keys).first()


def _event(name: str, user: User) -> None:
    # The audit record says what happened and to whom, never what the answers were (PRIV-2).
    log.info(name, extra={"event": name, "user_id": user.pk})


@transaction.atomic
def equality_consent_give(*, user: User) -> EqualityAnswers:
    """Record explicit consent, with the date and the wording agreed to. Safe to repeat."""
    key, _ = EqualityKey.objects.get_or_create(user=user)
    answers, created = EqualityAnswers.objects.get_or_create(
        pseudonym=key.pseudonym,
        defaults={
            "consent_given_at": timezone.now(),
            "consent_wording_version": CONSENT_WORDING_VERSION,
        },
    )
    if created:
        _event("equality_consent_given", user)
    return answers


def circumstances_clean(values: Sequence[str]) -> list[str]:
    chosen = set(values)
    if chosen - set(Circumstance.values):
        raise ValidationError({"circumstances": "Choose from the list, or leave this question"})
    if len(chosen) > 1 and chosen & set(EXCLUSIVE_CIRCUMSTANCES):
        raise ValidationError(
            {
                "circumstances": "Choose 'None of these' or 'Prefer not to say' on its own, or "
                "choose the ones that apply to you"
            }
        )
    return [value for value in Circumstance.values if value in chosen]


@sensitive_variables()
@transaction.atomic
def equality_answers_save(
    *,
    user: User,
    age_band: str = "",
    sex: str = "",
    gender_identity: str = "",
    sexual_orientation: str = "",
    ethnic_group: str = "",
    religion: str = "",
    disability: str = "",
    unpaid_carer: str = "",
    circumstances: Sequence[str] = (),
) -> EqualityAnswers:
    """Save the person's answers. Every question is optional; consent must come first."""
    keys = EqualityKey.objects.filter(user=user).values("pseudonym")
    row = EqualityAnswers.objects.select_for_update().filter(pseudonym__in=keys).first()
    if row is None:
        raise ValidationError("Say that you agree before you answer the questions")
    given = {
        "age_band": age_band,
        "sex": sex,
        "gender_identity": gender_identity,
        "sexual_orientation": sexual_orientation,
        "ethnic_group": ethnic_group,
        "religion": religion,
        "disability": disability,
        "unpaid_carer": unpaid_carer,
    }
    for name, value in given.items():
        if value and value not in ANSWER_CHOICES[name].values:
            # The value is never repeated back: it could end up in a log (PRIV-4).
            raise ValidationError({name: "Choose one of the options, or leave this question"})
        setattr(row, name, value or "")
    row.circumstances = circumstances_clean(circumstances)
    row.full_clean()
    row.save()
    _event("equality_answers_saved", user)
    return row


def _delete_answers(user: User) -> int:
    keys = EqualityKey.objects.filter(user=user)
    pseudonyms = list(keys.values_list("pseudonym", flat=True))
    deleted, _ = EqualityAnswers.objects.filter(pseudonym__in=pseudonyms).delete()
    keys.delete()
    return deleted


@transaction.atomic
def equality_consent_withdraw(*, user: User) -> bool:
    """Withdrawing consent deletes the answers and the key, at once and for good (PRIV-2)."""
    deleted = _delete_answers(user)
    if deleted:
        _event("equality_consent_withdrawn", user)
    return bool(deleted)


def equality_initial(answers: EqualityAnswers) -> dict:
    initial = {name: getattr(answers, name) for name in ANSWER_CHOICES}
    initial["circumstances"] = list(answers.circumstances)
    return initial


@dataclass(frozen=True)
class AnswerLine:
    field: str
    question: str
    answer: str


def equality_answer_lines(answers: EqualityAnswers) -> list[AnswerLine]:
    """Each question and the person's answer, in their own words, for their eyes only."""
    lines = []
    for name, choices in ANSWER_CHOICES.items():
        value = getattr(answers, name)
        label = choices(value).label if value in choices.values else NOT_ANSWERED
        lines.append(AnswerLine(name, QUESTIONS[name], label))
    chosen = [Circumstance(v).label for v in answers.circumstances if v in Circumstance.values]
    lines.append(
        AnswerLine("circumstances", QUESTIONS["circumstances"], "; ".join(chosen) or NOT_ANSWERED)
    )
    return lines


# The export and erasure registry (PRIV-9, PRIV-10) calls these two.


def equality_export(user: User) -> list[dict]:
    answers = equality_answers_for(user=user)
    if answers is None:
        return []
    item = {
        "consent_given_at": answers.consent_given_at.isoformat(),
        "consent_wording_version": answers.consent_wording_version,
        "reference_number": str(answers.pseudonym),
    }
    item.update({line.question: line.answer for line in equality_answer_lines(answers)})
    return [item]


def equality_erase(user: User) -> None:
    _delete_answers(user)


# --- Totals for council staff --------------------------------------------------------------


@dataclass(frozen=True)
class InclusionRow:
    label: str
    count: Figure
    share: Share
    reference_percent: Decimal | None
    missing: bool
    reach: str

    @property
    def reference_display(self) -> str:
        return "no figure" if self.reference_percent is None else f"{self.reference_percent}%"


@dataclass(frozen=True)
class InclusionCategory:
    field: str
    title: str
    rows: tuple[InclusionRow, ...]
    total: Figure
    base: str
    chart: "Chart"

    @property
    def slug(self) -> str:
        return self.field.replace("_", "-")


@dataclass(frozen=True)
class InclusionReport:
    categories: tuple[InclusionCategory, ...]
    circumstances: tuple[InclusionRow, ...]
    circumstances_chart: "Chart"
    threshold: int
    sources: tuple[str, ...]
    people: str

    @property
    def hidden_text(self) -> str:
        return hidden_text(self.threshold)

    @property
    def has_reference(self) -> bool:
        return bool(self.sources)

    @property
    def credit(self) -> str:
        return CREDIT if any("Census 2021" in s for s in self.sources) else ""

    @property
    def missing(self) -> list[tuple[str, InclusionRow]]:
        found = [(c.title, row) for c in self.categories for row in c.rows if row.missing]
        return found + [("Circumstances", row) for row in self.circumstances if row.missing]


# The groups of people a staff member may narrow the figures to. Never an equality answer
# (PRIV-3). Each pair of views is checked against differencing (PRIV-7).
PEOPLE_FILTERS = {
    "all": "Everyone taking part",
    "experts": "Experts by experience only",
}


def people_for_filter(name: str) -> QuerySet[User]:
    people = User.objects.filter(is_active=True)
    if name == "experts":
        experts = (Profile.TakesPartAs.EXPERIENCE, Profile.TakesPartAs.BOTH)
        people = people.filter(profile__takes_part_as__in=experts)
    return people


def _answer_counts(people: QuerySet[User]) -> Counter:
    """How many people gave each answer, among `people` who have consented. One query,
    whatever the number of people, touching only the equality tables and the key's join to the
    people (PRIV-5): only counts come out, never a row per person."""
    keys = EqualityKey.objects.filter(user__in=people.values("pk")).values("pseudonym")
    answers = EqualityAnswers.objects.filter(pseudonym__in=keys)
    aggregates = {
        f"{name}__{value}": Count("pk", filter=Q(**{name: value}))
        for name, choices in ANSWER_CHOICES.items()
        for value in choices.values
    }
    # Each circumstance is stored as a quoted code in a JSON list, so matching the quoted code
    # counts it exactly, on SQLite and PostgreSQL alike.
    aggregates.update(
        {
            f"circumstances__{value}": Count("pk", filter=Q(circumstances__icontains=f'"{value}"'))
            for value in Circumstance.values
        }
    )
    return Counter(answers.aggregate(**aggregates))


def _missing(count: Figure, total: Figure, reference: Decimal | None, threshold: int) -> bool:
    """Clearly under-represented, judged only from what is shown: at least 5 people would be
    expected from the reference share, and the share taking part is under half of it. A hidden
    count is taken at its largest possible value, so no group is flagged by guessing low."""
    if reference is None or total.hidden or not total.chart_value:
        return False
    if reference * total.chart_value / 100 < 5:
        return False
    shown = threshold - 1 if count.hidden else count.chart_value
    return Decimal(shown) * 100 / total.chart_value < reference / 2


def _category(
    comparison: Comparison, counts: Counter, references: dict, threshold: int
) -> InclusionCategory:
    exact = [
        (group.label, sum(counts[f"{comparison.field}__{v}"] for v in group.answers))
        for group in comparison.groups
    ]
    table = suppress_table(exact, threshold=threshold)
    rows, base = [], ""
    for group, shown in zip(comparison.groups, table.rows, strict=True):
        figure = references.get((comparison.reference_category, group.reference_group))
        percent = figure.percent if figure else None
        base = base or (figure.base if figure else "")
        missing = bool(group.reach) and _missing(shown.count, table.total, percent, threshold)
        rows.append(
            InclusionRow(shown.label, shown.count, shown.share, percent, missing, group.reach)
        )
    chart = share_chart(comparison.field, comparison.title, rows, threshold)
    return InclusionCategory(
        comparison.field, comparison.title, tuple(rows), table.total, base, chart
    )


def _circumstances(counts: Counter, threshold: int) -> tuple[InclusionRow, ...]:
    exact = [(c.label, counts[f"circumstances__{c.value}"]) for c in Circumstance]
    table = suppress_counts_only(exact, threshold=threshold)
    rows = []
    for choice, shown in zip(Circumstance, table.rows, strict=True):
        reach = CIRCUMSTANCE_REACH.get(choice.value, "")
        # No reference figures here: a group nobody, or hardly anybody, has named is flagged,
        # because the guidance names these groups as often left out.
        few = shown.count.hidden or shown.count.chart_value == 0
        rows.append(
            InclusionRow(shown.label, shown.count, shown.share, None, bool(reach) and few, reach)
        )
    return tuple(rows)


def inclusion_table(
    *, viewer: User, people: QuerySet[User] | None = None, people_label: str = ""
) -> InclusionReport:
    """Who is taking part, by group, beside the reference population, for council staff.

    `people` narrows who is counted (for example, later, a project's members); only active
    people who have consented are ever counted. Two queries whatever the number of people.
    """
    if not may_see_inclusion(viewer):
        raise Http404
    threshold = suppression_threshold()
    people = people_for_filter("all") if people is None else people.filter(is_active=True)
    counts = _answer_counts(people)
    wanted = {c.reference_category for c in COMPARISONS}
    figures = list(ReferenceFigure.objects.filter(category__in=wanted).order_by("pk"))
    references = {(f.category, f.group): f for f in figures}
    categories = tuple(_category(c, counts, references, threshold) for c in COMPARISONS)
    circumstances = _circumstances(counts, threshold)
    return InclusionReport(
        categories=categories,
        circumstances=circumstances,
        circumstances_chart=count_chart("circumstances", "Circumstances", circumstances, threshold),
        threshold=threshold,
        sources=tuple(dict.fromkeys(f.source for f in figures)),
        people=people_label or PEOPLE_FILTERS["all"],
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text  # IO-5


def inclusion_csv_rows(report: InclusionReport) -> list[list[str]]:
    """The same figures as the page, as shown there: never an exact count."""
    rows = [
        [
            "category",
            "group",
            "people taking part",
            "share of people taking part",
            "share of the reference population",
            "who is missing",
        ]
    ]
    for category in report.categories:
        for row in category.rows:
            rows.append(
                [
                    category.title,
                    row.label,
                    row.count.display,
                    row.share.display,
                    row.reference_display,
                    f"Plan how to reach {row.reach}" if row.missing else "",
                ]
            )
        rows.append(
            [category.title, "All who answered (about)", category.total.display, "", "", ""]
        )
    for row in report.circumstances:
        missing = f"Plan how to reach {row.reach}" if row.missing else ""
        rows.append(["Circumstances", row.label, row.count.display, "", "no figure", missing])
    return [[_cell(value) for value in row] for row in rows]


# --- Charts, drawn from the shown figures only (PRIV-8) ------------------------------------

CHART_WIDTH = 640
PLOT_WIDTH = 420
LEGEND_HEIGHT = 32
LABEL_HEIGHT = 22
BAR_STEP = 20
GROUP_GAP = 10


@dataclass(frozen=True)
class Bar:
    series: str  # "taking_part" or "reference"
    hidden: bool
    value: str  # the figure the bar is drawn from, as shown in the table; "" when hidden
    y: int
    width: str
    text: str


@dataclass(frozen=True)
class BarGroup:
    label: str
    label_y: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    width: int
    height: int
    axis_max: int
    legend: tuple[tuple[str, str], ...]
    groups: tuple[BarGroup, ...]


def _axis_max(values: list[Decimal]) -> int:
    """The largest shown value, rounded up to a multiple of 10: shown figures only."""
    largest = max(values, default=Decimal(0))
    return max(10, int((largest / 10).to_integral_value(rounding=ROUND_CEILING)) * 10)


def _width(value: Decimal, axis_max: int) -> str:
    return str((value * PLOT_WIDTH / axis_max).quantize(Decimal("0.1")))


def _layout(rows, bars_for) -> tuple[tuple[BarGroup, ...], int]:
    groups, y = [], LEGEND_HEIGHT
    for row in rows:
        label_y = y + 15
        y += LABEL_HEIGHT
        bars = []
        for series, value, text in bars_for(row):
            bars.append((series, value, text, y))
            y += BAR_STEP
        groups.append((row.label, label_y, bars))
        y += GROUP_GAP
    return groups, y


def _chart(slug, title, description, legend, rows, bars_for) -> Chart:
    laid_out, height = _layout(rows, bars_for)
    values = [v for _l, _y, bars in laid_out for _s, v, _t, _b in bars if v is not None]
    axis_max = _axis_max(values)
    groups = tuple(
        BarGroup(
            label,
            label_y,
            tuple(
                Bar(
                    series=series,
                    hidden=value is None,
                    value="" if value is None else str(value),
                    y=y,
                    width="0" if value is None else _width(value, axis_max),
                    text=text,
                )
                for series, value, text, y in bars
            ),
        )
        for label, label_y, bars in laid_out
    )
    return Chart(slug, title, description, CHART_WIDTH, height, axis_max, legend, groups)


def share_chart(field: str, title: str, rows: Sequence[InclusionRow], threshold: int) -> Chart:
    """For each group, the share taking part (from the shown figures) beside the reference
    share. A hidden share gets a marker and "fewer than 5" in place of a bar."""

    def bars_for(row: InclusionRow):
        if row.share.hidden:
            yield "taking_part", None, row.count.display
        else:
            yield "taking_part", Decimal(row.share.chart_value), f"{row.share.display} taking part"
        if row.reference_percent is not None:
            yield "reference", row.reference_percent, f"{row.reference_percent}% reference"

    description = (
        f"{title}: for each group, the share of people taking part, worked out from the rounded "
        "figures, beside the share of the reference population. Groups of fewer than "
        f"{threshold} people are marked, not drawn. The table after the chart gives the same "
        "figures."
    )
    legend = (("taking_part", "People taking part"), ("reference", "Reference population"))
    return _chart(
        field.replace("_", "-"),
        f"{title}: people taking part compared with the reference population",
        description,
        legend,
        rows,
        bars_for,
    )


def count_chart(field: str, title: str, rows: Sequence[InclusionRow], threshold: int) -> Chart:
    """The number of people taking part in each group, as shown in the table."""

    def bars_for(row: InclusionRow):
        if row.count.hidden:
            yield "taking_part", None, row.count.display
        else:
            yield "taking_part", Decimal(row.count.chart_value), f"{row.count.display} people"

    description = (
        f"{title}: the number of people taking part in each group, rounded to the nearest 5. "
        f"People could choose more than one. Groups of fewer than {threshold} people are "
        "marked, not drawn. The table after the chart gives the same figures."
    )
    legend = (("taking_part", "People taking part"),)
    return _chart(
        field.replace("_", "-"),
        f"{title}: people taking part",
        description,
        legend,
        rows,
        bars_for,
    )
