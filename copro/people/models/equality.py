"""Equality monitoring: special category data, kept apart from who people are (PRIV-5).

`EqualityKey` links a person to a random pseudonym. `EqualityAnswers` holds the answers under
that pseudonym only: no foreign key to the person, no name, email or phone. Only the person sees
their own answers; everyone else sees totals with small numbers hidden (copro.core.suppression).
Neither model is in the admin pages or the API (AZ-8).

The answer choices follow the Census 2021 categories, so that the people taking part can be
compared like for like with the reference population (`ReferenceFigure`).
"""

import uuid

from django.conf import settings
from django.core import checks
from django.db import models

from copro.core.models import BaseModel
from copro.people.models.user import User

PREFER_NOT_TO_SAY = "prefer_not_to_say"
_PNTS_LABEL = "Prefer not to say"


class AgeBand(models.TextChoices):
    UNDER_16 = "under_16", "Under 16"
    AGE_16_24 = "16_24", "16 to 24"
    AGE_25_34 = "25_34", "25 to 34"
    AGE_35_44 = "35_44", "35 to 44"
    AGE_45_54 = "45_54", "45 to 54"
    AGE_55_64 = "55_64", "55 to 64"
    AGE_65_74 = "65_74", "65 to 74"
    AGE_75_PLUS = "75_plus", "75 or over"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


class GenderIdentity(models.TextChoices):
    SAME = "same", "Yes, it is the same"
    DIFFERENT = "different", "No, it is different"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", "Straight or heterosexual"
    GAY_OR_LESBIAN = "gay_or_lesbian", "Gay or lesbian"
    BISEXUAL = "bisexual", "Bisexual"
    OTHER = "other", "Another sexual orientation"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


class EthnicGroup(models.TextChoices):
    ASIAN = "asian", "Asian, Asian British or Asian Welsh"
    BLACK = "black", "Black, Black British, Black Welsh, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Another ethnic group"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


class Religion(models.TextChoices):
    NO_RELIGION = "no_religion", "No religion"
    CHRISTIAN = "christian", "Christian"
    BUDDHIST = "buddhist", "Buddhist"
    HINDU = "hindu", "Hindu"
    JEWISH = "jewish", "Jewish"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    OTHER = "other", "Another religion"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


class Circumstance(models.TextChoices):
    """Groups the guidance names as often left out (FRAMEWORK.md, "Diversity")."""

    HOMELESS = "homeless", "Homeless, or without a settled home"
    IN_PRISON = "in_prison", "In prison"
    RESIDENTIAL_HOME = "residential_home", "Living in a residential or care home"
    YOUNG_RURAL = "young_rural", "A young person living in a rural area"
    GYPSY_TRAVELLER = "gypsy_traveller", "Gypsy or Traveller"
    COMMUNICATES_DIFFERENTLY = (
        "communicates_differently",
        "Someone who communicates differently, for example with sign language, pictures or "
        "a communication aid",
    )
    DEMENTIA = "dementia", "Living with dementia"
    OLDER_HIGH_SUPPORT = "older_high_support", "An older person who needs a high level of support"
    NO_ORGANISED_GROUP = "no_organised_group", "Not part of any organised group or network"
    NONE = "none", "None of these"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, _PNTS_LABEL


# A person may tick these only on their own.
EXCLUSIVE_CIRCUMSTANCES = (Circumstance.NONE, Circumstance.PREFER_NOT_TO_SAY)

# Each answer field and its choices: the questions, the constraints and the totals use this.
ANSWER_CHOICES: dict[str, type[models.TextChoices]] = {
    "age_band": AgeBand,
    "sex": Sex,
    "gender_identity": GenderIdentity,
    "sexual_orientation": SexualOrientation,
    "ethnic_group": EthnicGroup,
    "religion": Religion,
    "disability": YesNo,
    "unpaid_carer": YesNo,
}


class EqualityKey(models.Model):
    """The only link between a person and their answers. Deleted with the answers."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="equality_key")
    # The unique index serves looking up a person's own answers, and the totals' join.
    pseudonym = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = "equality monitoring key"

    def __str__(self) -> str:
        return "Equality monitoring key"


def _answer_field(choices: type[models.TextChoices]) -> models.CharField:
    # Blank means "not answered"; "Prefer not to say" is an answer of its own.
    return models.CharField(max_length=30, choices=choices.choices, blank=True, default="")


class EqualityAnswers(models.Model):
    """One person's answers, under a pseudonym. Exists only while consent stands (PRIV-1/2)."""

    # Not a foreign key to the person, on purpose (PRIV-5). The unique index serves the
    # owner's lookup through EqualityKey and the totals' join.
    pseudonym = models.UUIDField(unique=True, editable=False)
    consent_given_at = models.DateTimeField()
    consent_wording_version = models.CharField(max_length=20)
    age_band = _answer_field(AgeBand)
    sex = _answer_field(Sex)
    gender_identity = _answer_field(GenderIdentity)
    sexual_orientation = _answer_field(SexualOrientation)
    ethnic_group = _answer_field(EthnicGroup)
    religion = _answer_field(Religion)
    disability = _answer_field(YesNo)
    unpaid_carer = _answer_field(YesNo)
    circumstances = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "equality monitoring answers"
        verbose_name_plural = "equality monitoring answers"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__in": ["", *choices.values]}),
                name=f"people_equality_{name}_valid",
            )
            for name, choices in ANSWER_CHOICES.items()
        ]

    def __str__(self) -> str:
        return "Equality monitoring answers"


class ReferenceFigure(BaseModel):
    """One row of the reference population, e.g. Census 2021 for the council's area: the share
    of `base` in `group` of `category`. Replaced as a whole by each import."""

    category = models.CharField(max_length=60)
    group = models.CharField(max_length=120)
    percent = models.DecimalField(max_digits=4, decimal_places=1)
    base = models.CharField(max_length=120)
    source = models.CharField(max_length=500)

    class Meta:
        ordering = ["category", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "group"], name="people_reference_figure_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100),
                name="people_reference_figure_percent_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.group} {self.percent}%"


@checks.register(checks.Tags.security)
def check_suppression_threshold(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Refuse loudly, at start-up, a threshold that would show counts that identify people."""
    from copro.core.suppression import ThresholdTooLow, check_threshold

    try:
        check_threshold(getattr(settings, "EQUALITY_SUPPRESSION_THRESHOLD", 5))
    except ThresholdTooLow as error:
        return [checks.Error(str(error), id="people.E001", obj="EQUALITY_SUPPRESSION_THRESHOLD")]
    return []
