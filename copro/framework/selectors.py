"""Reads of the guidance content, shared by the Learn pages, the API and other apps.

The guidance is public, so nothing here is scoped to a viewer. Each function that returns a list
runs one query.
"""

from dataclasses import dataclass

from django.http import Http404

from copro.framework.models import (
    EnvironmentValue,
    GlossaryTerm,
    LearnPage,
    LitmusQuestion,
    NetworkGroup,
    PeopleKind,
    Principle,
    SelfTestQuestion,
    SevenStep,
    Skill,
    StaircaseStep,
    Statement,
    Tip,
    TrainingLevel,
    Value,
)

# The order readers go through the Learn pages with "Next" and "Previous". A page added later
# by an administrator comes after these, by title.
LEARN_PAGE_ORDER: tuple[str, ...] = (
    "what-is-co-production",
    "principles",
    "staircase",
    "is-and-is-not",
    "right-environment",
    "seven-steps",
    "glossary",
    "about",
)


@dataclass(frozen=True)
class LearnPageInSequence:
    """A Learn page with the pages before and after it in the reading order."""

    page: LearnPage
    previous: LearnPage | None
    next: LearnPage | None


def learn_pages() -> list[LearnPage]:
    """Every Learn page, in reading order."""
    pages = list(LearnPage.objects.all())
    position = {slug: index for index, slug in enumerate(LEARN_PAGE_ORDER)}
    return sorted(pages, key=lambda page: (position.get(page.slug, len(position)), page.title))


def learn_page_get(*, slug: str) -> LearnPage:
    try:
        return LearnPage.objects.get(slug=slug)
    except LearnPage.DoesNotExist:
        raise Http404("No such page") from None


def learn_page_in_sequence(*, slug: str) -> LearnPageInSequence:
    """A Learn page and its neighbours, from one query. Raises Http404 for an unknown slug."""
    pages = learn_pages()
    for index, page in enumerate(pages):
        if page.slug == slug:
            return LearnPageInSequence(
                page=page,
                previous=pages[index - 1] if index > 0 else None,
                next=pages[index + 1] if index + 1 < len(pages) else None,
            )
    raise Http404("No such page")


def people_kinds() -> list[PeopleKind]:
    return list(PeopleKind.objects.all())


def principles() -> list[Principle]:
    return list(Principle.objects.all())


def staircase_steps() -> list[StaircaseStep]:
    """The seven steps, from least shared power (1, coerce) to most (7, co-produce)."""
    return list(StaircaseStep.objects.all())


def staircase_step_get(*, order: int | None = None, slug: str | None = None) -> StaircaseStep:
    """One step by its number or its slug. Raises Http404 when there is no such step."""
    lookup = {"order": order} if order is not None else {"slug": slug}
    try:
        return StaircaseStep.objects.get(**lookup)
    except StaircaseStep.DoesNotExist:
        raise Http404("No such staircase step") from None


def statements_by_kind() -> dict[str, list[Statement]]:
    """What co-production is and is not: {"is": [...], "is_not": [...]}, each in order."""
    grouped: dict[str, list[Statement]] = {kind: [] for kind in Statement.Kind.values}
    for statement in Statement.objects.all():
        grouped[statement.kind].append(statement)
    return grouped


def environment_values() -> list[EnvironmentValue]:
    return list(EnvironmentValue.objects.all())


def values() -> list[Value]:
    return list(Value.objects.all())


def skills() -> list[Skill]:
    return list(Skill.objects.all())


def litmus_questions_by_area() -> dict[str, list[LitmusQuestion]]:
    """The litmus questions: {"values": [...], "skills": [...]}, each in order."""
    grouped: dict[str, list[LitmusQuestion]] = {area: [] for area in LitmusQuestion.Area.values}
    for question in LitmusQuestion.objects.all():
        grouped[question.area].append(question)
    return grouped


def tips() -> list[Tip]:
    return list(Tip.objects.all())


def seven_steps() -> list[SevenStep]:
    return list(SevenStep.objects.all())


def network_groups() -> list[NetworkGroup]:
    return list(NetworkGroup.objects.all())


def training_levels() -> list[TrainingLevel]:
    return list(TrainingLevel.objects.all())


def self_test_questions() -> list[SelfTestQuestion]:
    return list(SelfTestQuestion.objects.all())


def glossary_terms() -> list[GlossaryTerm]:
    """Every glossary term in alphabetical order, ignoring capitals."""
    return sorted(GlossaryTerm.objects.all(), key=lambda term: term.term.casefold())
