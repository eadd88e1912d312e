"""Reads for a person's own learning record. Every function takes the person and returns only
their rows; pages never ask for anyone else's."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.urls import reverse

from copro.framework.models import LearnPage, Skill, StaircaseStep, Tip, TrainingLevel, Value
from copro.learning import selectors
from copro.learning.constants import HISTORY_LENGTH, TIP_RESOURCES
from copro.learning.models import ToolkitEntry
from copro.learning.models_growth import (
    JournalEntry,
    OrderingAttempt,
    RecipeCheckIn,
    RecipeRating,
    TipAnswer,
    TipCheckIn,
)
from copro.people.models import User
from copro.reports.charts import BarChart, ChartItem, bar_chart

# --- Staircase ordering ---------------------------------------------------------------------


def staircase_steps() -> list[StaircaseStep]:
    return list(StaircaseStep.objects.order_by("order"))


def ordering_attempts_of(*, person: User) -> list[OrderingAttempt]:
    return list(OrderingAttempt.objects.filter(person=person))


@dataclass(frozen=True)
class PlacedStep:
    position: int
    placed: str
    right: str
    is_right: bool


def ordering_feedback(*, attempt: OrderingAttempt) -> tuple[list[PlacedStep], list[StaircaseStep]]:
    """Each position as the person filled it, beside the right step; and the steps today, in
    order, to explain them."""
    steps = staircase_steps()
    names = {step.slug: step.name for step in steps}
    rows = [
        PlacedStep(
            position=position,
            placed=names.get(mine, mine),
            right=names.get(right, right),
            is_right=mine == right,
        )
        for position, (mine, right) in enumerate(
            zip(attempt.placed, attempt.answer, strict=False), start=1
        )
    ]
    return rows, steps


# --- Tips checklist -------------------------------------------------------------------------


def tips() -> list[Tip]:
    return list(Tip.objects.all())


def _latest(queryset, person: User):
    """The person's latest check-ins, oldest first, so tables read left to right in time."""
    return list(reversed(queryset.filter(person=person)[:HISTORY_LENGTH]))


def tip_check_ins_of(*, person: User) -> list[TipCheckIn]:
    answers = Prefetch("answers", queryset=TipAnswer.objects.order_by())
    return _latest(TipCheckIn.objects.prefetch_related(answers), person)


@dataclass(frozen=True)
class HistoryRow:
    label: str
    cells: tuple[str, ...]


def tip_history(*, person: User) -> tuple[list[TipCheckIn], list[HistoryRow]]:
    """The person's latest check-ins and, for each tip, their answer at each one."""
    check_ins = tip_check_ins_of(person=person)
    answers = [{a.tip_id: a.get_answer_display() for a in c.answers.all()} for c in check_ins]
    rows = [
        HistoryRow(tip.name, tuple(given.get(tip.pk, "Not asked") for given in answers))
        for tip in tips()
    ]
    return check_ins, rows


@dataclass(frozen=True)
class Link:
    text: str
    url: str


def _toolkit_links(words_by_tip: dict[str, tuple[str, ...]]) -> dict[str, list[Link]]:
    words = {w for ws in words_by_tip.values() for w in ws}
    if not words:
        return {}
    query = Q()
    for word in words:
        query |= Q(title__icontains=word)
    entries = list(ToolkitEntry.objects.filter(query, is_published=True))
    url = reverse("learning:toolkit")
    return {
        slug: [Link(e.title, url) for e in entries if any(w in e.title.lower() for w in ws)]
        for slug, ws in words_by_tip.items()
    }


def tip_resources(*, tips_wanted: list[Tip], person: User) -> dict[int, dict]:
    """For each tip the person wants to know more about: Learn pages, a training level and,
    once the toolkit is open to them, matching toolkit entries."""
    wanted = {tip.slug: TIP_RESOURCES.get(tip.slug) for tip in tips_wanted}
    slugs = {s for r in wanted.values() if r for s in r.learn_pages}
    pages = {p.slug: p for p in LearnPage.objects.filter(slug__in=slugs)}
    levels = {level.order: level for level in TrainingLevel.objects.all()}
    unlocked = selectors.toolkit_unlocked(person=person)
    toolkit = (
        _toolkit_links({s: r.toolkit_words for s, r in wanted.items() if r}) if unlocked else {}
    )
    result = {}
    for tip in tips_wanted:
        found = wanted[tip.slug]
        learn = [_learn_link(pages[s]) for s in (found.learn_pages if found else ()) if s in pages]
        if not learn:
            learn = [Link("Learn about co-production", reverse("framework:learn"))]
        level = levels.get(found.level) if found else None
        result[tip.pk] = {
            "learn": learn,
            "level": level,
            "toolkit": toolkit.get(tip.slug, []),
            "toolkit_unlocked": unlocked,
        }
    return result


def _learn_link(page: LearnPage) -> Link:
    if page.slug == "glossary":
        return Link(page.title, reverse("framework:glossary"))
    return Link(page.title, reverse("framework:page", kwargs={"slug": page.slug}))


# --- Values and skills ----------------------------------------------------------------------


@dataclass(frozen=True)
class RecipeItem:
    kind: str  # "value" or "skill"
    pk: int
    name: str
    description: str

    @property
    def field_name(self) -> str:
        return f"{self.kind}_{self.pk}"


def recipe_items() -> list[RecipeItem]:
    return [RecipeItem("value", v.pk, v.name, v.description) for v in Value.objects.all()] + [
        RecipeItem("skill", s.pk, s.name, s.description) for s in Skill.objects.all()
    ]


def recipe_check_ins_of(*, person: User) -> list[RecipeCheckIn]:
    ratings = Prefetch("ratings", queryset=RecipeRating.objects.order_by())
    return _latest(RecipeCheckIn.objects.prefetch_related(ratings), person)


@dataclass(frozen=True)
class CheckInSummary:
    check_in: RecipeCheckIn
    confident: int
    getting_there: int
    not_yet: int

    @property
    def total(self) -> int:
        return self.confident + self.getting_there + self.not_yet


@dataclass(frozen=True)
class RecipeGrowth:
    items: list[RecipeItem]
    check_ins: list[RecipeCheckIn]
    summaries: list[CheckInSummary]
    rows: list[HistoryRow]
    chart: BarChart | None


def _ratings_by_item(check_in: RecipeCheckIn) -> dict[str, int]:
    return {
        (f"value_{r.value_id}" if r.value_id else f"skill_{r.skill_id}"): r.rating
        for r in check_in.ratings.all()
    }


def _summary(check_in: RecipeCheckIn, given: dict[str, int]) -> CheckInSummary:
    counts = [sum(1 for r in given.values() if r == level) for level in (3, 2, 1)]
    return CheckInSummary(check_in, *counts)


def _growth_chart(summaries: list[CheckInSummary], total: int) -> BarChart | None:
    if not summaries:
        return None
    items = [
        ChartItem(
            label=f"{s.check_in.created_at:%-d %B %Y}",
            value=s.confident,
            text=f"{s.confident} of {s.total} confident",
        )
        for s in summaries
    ]
    first, last = summaries[0].confident, summaries[-1].confident
    return bar_chart(
        slug="growth",
        title="How many values and skills you feel confident about, at each check-in",
        description=(
            f"{len(summaries)} check-ins, oldest first. Confident about {first} of {total} at "
            f"the first and {last} of {total} at the latest. The table below has the same figures."
        ),
        items=items,
        top=total,
    )


def recipe_growth(*, person: User) -> RecipeGrowth:
    items = recipe_items()
    check_ins = recipe_check_ins_of(person=person)
    given = [_ratings_by_item(c) for c in check_ins]
    labels = dict(RecipeRating.Rating.choices)
    rows = [
        HistoryRow(item.name, tuple(labels.get(g.get(item.field_name), "Not rated") for g in given))
        for item in items
    ]
    summaries = [_summary(c, g) for c, g in zip(check_ins, given, strict=True)]
    return RecipeGrowth(items, check_ins, summaries, rows, _growth_chart(summaries, len(items)))


def recipe_ratings(*, check_in: RecipeCheckIn) -> list[tuple[RecipeItem, str]]:
    given = _ratings_by_item(check_in)
    labels = dict(RecipeRating.Rating.choices)
    return [(item, labels.get(given.get(item.field_name), "Not rated")) for item in recipe_items()]


# --- Journal --------------------------------------------------------------------------------


def journal_entries_of(*, person: User) -> list[JournalEntry]:
    return list(JournalEntry.objects.filter(person=person).select_related("question"))
