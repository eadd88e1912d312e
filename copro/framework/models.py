"""The co-production guidance as data.

The rows come from `content/framework.toml` (see `services.framework_load`). Other apps point at
these rows - a project's staircase placement is a foreign key to `StaircaseStep` - and look them
up by slug or order, so a slug never changes once published.
"""

import re

from django.db import models
from django.db.models import Q
from django.urls import reverse

from copro.core.models import BaseModel
from copro.framework import validators

STAIRCASE_STEP_COUNT = 7


def _slug_field() -> models.SlugField:
    # unique=True gives the index that serves every lookup by slug, from pages, the API and
    # other apps.
    return models.SlugField(
        max_length=100,
        unique=True,
        help_text="The fixed name used in web addresses and by other parts of the service. "
        "Do not change it once it is in use.",
    )


class OrderedItem(BaseModel):
    """A row with a place in a list, shown in that order."""

    order = models.PositiveSmallIntegerField(help_text="Where this comes in the list.")
    slug = _slug_field()

    class Meta(BaseModel.Meta):
        abstract = True
        ordering = ["order"]


class NamedItem(OrderedItem):
    """An ordered row that is a name and a description: a value, a skill, a tip and so on."""

    name = models.CharField(max_length=200)
    description = models.TextField()

    class Meta(OrderedItem.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.name


class LearnPage(BaseModel):
    """One of the public "Learn" pages: its title, a one-line summary and plain-text body."""

    slug = _slug_field()
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="One sentence, shown in the list of pages.")
    body = models.TextField(help_text="Plain text. Leave a blank line between paragraphs.")

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.slug in ("glossary", "about"):  # these two have views of their own
            return reverse(f"framework:{self.slug}")
        return reverse("framework:page", kwargs={"slug": self.slug})

    def body_paragraphs(self) -> list[str]:
        """The body split into paragraphs at blank lines."""
        return split_paragraphs(self.body)


class PeopleKind(BaseModel):
    """A kind of expert who takes part: by experience or by qualification."""

    slug = _slug_field()
    name = models.CharField(max_length=200)
    description = models.TextField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Principle(OrderedItem):
    """One of the four principles: equality, diversity, access, reciprocity."""

    name = models.CharField(max_length=200)
    summary = models.TextField()
    description = models.TextField()
    in_practice = models.JSONField(
        default=list,
        validators=[validators.validate_text_list],
        help_text="What the principle looks like when it is really happening.",
    )

    def __str__(self) -> str:
        return self.name


class StaircaseStep(OrderedItem):
    """A step of the staircase: 1 (coerce) shares the least power, 7 (co-produce) the most."""

    order = models.PositiveSmallIntegerField(
        unique=True, help_text="1 is the bottom step, 7 the top."
    )
    name = models.CharField(max_length=200)
    summary = models.TextField()
    who_has_power = models.TextField()
    example = models.TextField()
    shares_power = models.BooleanField(
        default=False, help_text="Whether citizens really share power on this step."
    )

    class Meta(OrderedItem.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(order__gte=1) & Q(order__lte=STAIRCASE_STEP_COUNT),
                name="framework_staircasestep_order_1_to_7",
                violation_error_message="A staircase step's order must be a number from 1 to 7.",
            ),
        ]

    def __str__(self) -> str:
        return f"Step {self.order}: {self.name}"

    @property
    def is_top(self) -> bool:
        return self.order == STAIRCASE_STEP_COUNT


class Statement(OrderedItem):
    """A statement of what co-production is, or is not."""

    class Kind(models.TextChoices):
        IS = "is", "Co-production is"
        IS_NOT = "is_not", "Co-production is not"

    kind = models.CharField(max_length=10, choices=Kind)
    text = models.TextField()
    explanation = models.TextField()

    class Meta(OrderedItem.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["is", "is_not"]),
                name="framework_statement_kind_valid",
                violation_error_message="A statement's kind must be 'is' or 'is_not'.",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class EnvironmentValue(NamedItem):
    """A value of the right environment for co-production (Coalition for Collaborative Care)."""


class Value(NamedItem):
    """A value in the recipe: the ingredients of good co-production."""


class Skill(NamedItem):
    """A skill in the recipe: the method of good co-production."""


class LitmusQuestion(OrderedItem):
    """A question to ask yourself regularly, about your values or your skills."""

    class Area(models.TextChoices):
        VALUES = "values", "Values"
        SKILLS = "skills", "Skills"

    area = models.CharField(max_length=10, choices=Area)
    text = models.TextField()

    class Meta(OrderedItem.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(area__in=["values", "skills"]),
                name="framework_litmusquestion_area_valid",
                violation_error_message="A litmus question's area must be 'values' or 'skills'.",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Tip(NamedItem):
    """A useful tip: people rate themselves "I'm confident" or "I need more information"."""


class SevenStep(NamedItem):
    """One of the seven steps an organisation takes to get started with co-production."""


class NetworkGroup(NamedItem):
    """A part of the co-production network: Advisory Board, Ambassadors' Network and so on."""


class TrainingLevel(NamedItem):
    """A level of the in-person training. Finishing the top level opens the toolkit."""

    hours = models.PositiveSmallIntegerField(help_text="How long the session lasts, in hours.")
    guide = models.CharField(max_length=200, help_text="The guide that goes with the session.")
    unlocks_toolkit = models.BooleanField(default=False)


class SelfTestQuestion(OrderedItem):
    """A self-test question. `correct` holds the numbers of the right options, counting from 0."""

    question = models.TextField()
    options = models.JSONField(default=list, validators=[validators.validate_text_list])
    correct = models.JSONField(
        default=list,
        validators=[validators.validate_index_list],
        help_text="The right options, counting the first option as 0.",
    )
    explanation = models.TextField()

    def __str__(self) -> str:
        return self.question

    def clean(self) -> None:
        validators.check_answers(options=self.options, correct=self.correct)


class GlossaryTerm(OrderedItem):
    """A word explained in plain English, with links to related terms.

    Whether each "see also" term exists is checked by the loader once the whole glossary is in,
    and by the admin form, not by `clean()`: terms often point at terms loaded after them.
    """

    term = models.CharField(max_length=200)
    definition = models.TextField()
    see_also = models.JSONField(
        default=list,
        blank=True,
        validators=[validators.validate_slug_list],
        help_text="Slugs of related glossary terms.",
    )

    def __str__(self) -> str:
        return self.term


def split_paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at blank lines, joining the lines inside each."""
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    return [
        " ".join(line.strip() for line in block.strip().splitlines())
        for block in blocks
        if block.strip()
    ]
