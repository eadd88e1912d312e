"""A person's own learning record: staircase ordering attempts, tips check-ins, values and
skills check-ins, and the reflection journal. Every row here is for its person alone: no page,
export or admin screen shows it to anyone else (not staff, not administrators).

The tips, values, skills, litmus questions and staircase steps are rows of the guidance
(`copro.framework`); the rows here point at them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from copro.core.models import BaseModel
from copro.framework.models import LitmusQuestion, Skill, Tip, Value


def _person(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name=related_name
    )


class OrderingAttempt(BaseModel):
    """One go at putting the staircase's steps in order.

    `placed` holds the steps' slugs in the order the person put them (position 1 first) and
    `answer` the right order at the time, so the feedback stays true if the steps change."""

    person = _person("ordering_attempts")
    placed = models.JSONField(default=list)
    answer = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField(help_text="How many steps were in the right place.")
    out_of = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A person's own attempts, newest first, on the ordering page.
            models.Index(fields=["person", "-created_at"], name="learning_ordering_person_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__lte=models.F("out_of")),
                name="learning_ordering_score_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score} out of {self.out_of}"

    def get_absolute_url(self) -> str:
        return reverse("learning:ordering_attempt", kwargs={"pk": self.pk})

    @property
    def all_right(self) -> bool:
        return self.score == self.out_of


class TipCheckIn(BaseModel):
    """One dated go at the tips checklist. Its answers are in `TipAnswer`."""

    person = _person("tip_check_ins")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A person's latest check-ins for the history table.
            models.Index(fields=["person", "-created_at"], name="learning_tipcheck_person_idx"),
        ]

    def __str__(self) -> str:
        return f"Tips check-in {self.created_at:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("learning:tip_check_in", kwargs={"pk": self.pk})


class TipAnswer(models.Model):
    class Answer(models.TextChoices):
        CONFIDENT = "confident", "I'm confident"
        MORE_INFORMATION = "more_information", "I'd like more information"

    check_in = models.ForeignKey(TipCheckIn, on_delete=models.CASCADE, related_name="answers")
    tip = models.ForeignKey(Tip, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=20, choices=Answer)

    class Meta:
        ordering = ["tip__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["check_in", "tip"], name="learning_tipanswer_once"),
            models.CheckConstraint(
                condition=Q(answer__in=["confident", "more_information"]),
                name="learning_tipanswer_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tip_id}: {self.answer}"


class RecipeCheckIn(BaseModel):
    """One dated self-rating against every value and skill of the recipe."""

    person = _person("recipe_check_ins")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A person's latest check-ins for the growth chart and table.
            models.Index(fields=["person", "-created_at"], name="learning_recipe_person_idx"),
        ]

    def __str__(self) -> str:
        return f"Values and skills check-in {self.created_at:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("learning:recipe_check_in", kwargs={"pk": self.pk})


class RecipeRating(models.Model):
    """How the person rated themselves on one value or one skill (exactly one of the two)."""

    class Rating(models.IntegerChoices):
        NOT_YET = 1, "Not yet"
        GETTING_THERE = 2, "Getting there"
        CONFIDENT = 3, "Confident"

    check_in = models.ForeignKey(RecipeCheckIn, on_delete=models.CASCADE, related_name="ratings")
    value = models.ForeignKey(
        Value, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    skill = models.ForeignKey(
        Skill, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(choices=Rating)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(value__isnull=False) & Q(skill__isnull=True))
                | (Q(value__isnull=True) & Q(skill__isnull=False)),
                name="learning_rating_value_or_skill",
                violation_error_message="A rating is about one value or one skill.",
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=3), name="learning_rating_in_range"
            ),
            models.UniqueConstraint(
                fields=["check_in", "value"], name="learning_rating_value_once"
            ),
            models.UniqueConstraint(
                fields=["check_in", "skill"], name="learning_rating_skill_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value_id or self.skill_id}: {self.get_rating_display()}"


class JournalEntry(BaseModel):
    """A private reflection answering one of the litmus test's questions. Only its author can
    ever read it: it is not in the admin, and everyone else gets 404."""

    person = _person("journal_entries")
    question = models.ForeignKey(LitmusQuestion, on_delete=models.PROTECT, related_name="+")
    reflection = models.TextField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "journal entries"
        indexes = [
            # The author's journal, newest first.
            models.Index(fields=["person", "-created_at"], name="learning_journal_person_idx"),
        ]

    def __str__(self) -> str:
        return f"Journal entry {self.created_at:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("learning:journal_entry", kwargs={"pk": self.pk})
