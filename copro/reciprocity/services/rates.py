"""The rate card and each person's choice of how to be thanked."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from copro.people.models import User
from copro.reciprocity import policy
from copro.reciprocity.models import ActivityType, MoneyAudit, Rate, ThanksChoice, ThanksPreference


@transaction.atomic
def activity_type_add(*, name: str, description: str, by: User) -> ActivityType:
    policy.require(by, policy.EDIT_RATE_CARD)
    name = " ".join((name or "").split())
    activity = ActivityType(
        name=name,
        code=slugify(name)[:40],
        description=description,
        order=ActivityType.objects.count() + 1,
    )
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def rate_set(
    *,
    activity_type: ActivityType,
    effective_from: date,
    pay_basis: str,
    pay_pence: int,
    credits_per_hour: int,
    note: str,
    by: User,
) -> Rate:
    """A new rate from a date. The past is never rewritten: a rate starts today or later, and
    every reward already proposed keeps the amounts it was given (LED-12)."""
    policy.require(by, policy.EDIT_RATE_CARD)
    if effective_from < timezone.localdate():
        raise ValidationError(
            {
                "effective_from": "A new rate must start today or later, so that the past stays as "
                "it was"
            }
        )
    for name, value in (("pay_pence", pay_pence), ("credits_per_hour", credits_per_hour)):
        if type(value) is not int or value < 0:
            raise ValidationError({name: "Enter a whole number, 0 or more"})
    rate = Rate(
        activity_type=activity_type,
        effective_from=effective_from,
        pay_basis=pay_basis,
        pay_pence=pay_pence,
        credits_per_hour=credits_per_hour,
        note=note,
        created_by=by,
    )
    rate.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            rate.save()
    except IntegrityError:
        raise ValidationError(
            {"effective_from": "There is already a rate starting that day for this activity"}
        ) from None
    MoneyAudit.objects.create(
        by=by,
        action=MoneyAudit.Action.RATE_SET,
        amount_pence=pay_pence,
        credits=credits_per_hour,
        reason=f"{activity_type.name} from {effective_from.isoformat()}: {note}"[:500],
    )
    return rate


@transaction.atomic
def preference_set(*, person: User, choice: str, by: User) -> ThanksPreference:
    """How `person` wants to be thanked. Only they, or staff recording what they said, set it."""
    if by.pk != person.pk and not by.is_council_staff:
        raise PermissionDenied
    if choice not in ThanksChoice.values:
        raise ValidationError({"choice": "Choose how you would like to be thanked"})
    preference, _ = ThanksPreference.objects.get_or_create(
        person=person, defaults={"choice": choice, "updated_by": by}
    )
    preference.choice = choice
    preference.updated_by = by
    preference.updated_at = timezone.now()
    preference.save()
    return preference
