"""Writes for a person's own learning record. Each runs in one transaction and writes rows for
the person who is signed in only: nobody can write into someone else's record."""

from django.core.exceptions import ValidationError
from django.db import transaction

from copro.framework.models import LitmusQuestion, Skill, StaircaseStep, Tip, Value
from copro.learning.models_growth import (
    JournalEntry,
    OrderingAttempt,
    RecipeCheckIn,
    RecipeRating,
    TipAnswer,
    TipCheckIn,
)
from copro.people.models import User


def ordering_score(*, placed: list[str], answer: list[str]) -> int:
    """How many steps are in their right position."""
    return sum(1 for mine, right in zip(placed, answer, strict=False) if mine == right)


def ordering_submit(*, person: User, placed: list[str]) -> OrderingAttempt:
    """Score a go at ordering the staircase. `placed` is every step's slug, position 1 first."""
    answer = list(StaircaseStep.objects.order_by("order").values_list("slug", flat=True))
    if sorted(placed) != sorted(answer):
        raise ValidationError("Give every step of the staircase one position.")
    with transaction.atomic():
        return OrderingAttempt.objects.create(
            person=person,
            placed=list(placed),
            answer=answer,
            score=ordering_score(placed=placed, answer=answer),
            out_of=len(answer),
            created_by=person,
        )


def tips_check_in(*, person: User, answers: dict[int, str]) -> TipCheckIn:
    """Keep a dated check-in with an answer for every tip (by the tip's id)."""
    tips = list(Tip.objects.all())
    if {t.pk for t in tips} != set(answers) or not set(answers.values()) <= set(
        TipAnswer.Answer.values
    ):
        raise ValidationError("Answer every tip with one of the two choices.")
    with transaction.atomic():
        check_in = TipCheckIn.objects.create(person=person, created_by=person)
        TipAnswer.objects.bulk_create(
            TipAnswer(check_in=check_in, tip=tip, answer=answers[tip.pk]) for tip in tips
        )
    return check_in


def recipe_check_in(
    *, person: User, values: dict[int, int], skills: dict[int, int]
) -> RecipeCheckIn:
    """Keep a dated self-rating for every value and every skill (by id, rating 1 to 3)."""
    value_ids = set(Value.objects.values_list("pk", flat=True))
    skill_ids = set(Skill.objects.values_list("pk", flat=True))
    ratings = set(values.values()) | set(skills.values())
    if set(values) != value_ids or set(skills) != skill_ids:
        raise ValidationError("Rate yourself on every value and every skill.")
    if not ratings <= set(RecipeRating.Rating.values):
        raise ValidationError("Choose not yet, getting there or confident.")
    with transaction.atomic():
        check_in = RecipeCheckIn.objects.create(person=person, created_by=person)
        RecipeRating.objects.bulk_create(
            [RecipeRating(check_in=check_in, value_id=pk, rating=r) for pk, r in values.items()]
            + [RecipeRating(check_in=check_in, skill_id=pk, rating=r) for pk, r in skills.items()]
        )
    return check_in


def journal_entry_add(*, person: User, question: LitmusQuestion, reflection: str) -> JournalEntry:
    entry = JournalEntry(
        person=person, question=question, reflection=reflection.strip(), created_by=person
    )
    entry.full_clean()
    with transaction.atomic():
        entry.save()
    return entry


def journal_entry_delete(*, entry: JournalEntry, by: User) -> None:
    """Only the author can delete: the view gets the entry through the owner-only getter."""
    if entry.person_id != by.pk:
        raise ValidationError("You can only delete your own journal entries.")
    with transaction.atomic():
        entry.delete()
