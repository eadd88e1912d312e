"""Writes to a person's records. Each runs in one transaction, and anything entered by someone
else is recorded for the person to see (AZ-9)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.people.models import User
from copro.people.models.profile import (
    AccessNeed,
    AvailableSlot,
    FormatNeed,
    Profile,
    UnavailableDate,
)
from copro.people.models.support import AssistedEntry, Supporter
from copro.people.phones import validate_uk_phone


def profile_for(user: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def _record_assist(*, person: User, by: User, summary: str, how: str = "") -> None:
    if by.pk != person.pk:
        AssistedEntry.objects.create(person=person, entered_by=by, summary=summary, how=how)


@transaction.atomic
def profile_update(
    *, person: User, by: User, display_name: str, how: str = "", **fields
) -> Profile:
    profile = profile_for(person)
    person.display_name = display_name
    person.full_clean(exclude=["password"])
    person.save(update_fields=["display_name"])
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.updated_by = by
    profile.full_clean()
    profile.save()
    _record_assist(person=person, by=by, summary="Changed your profile", how=how)
    return profile


@transaction.atomic
def communication_update(
    *,
    person: User,
    by: User,
    contact_method: str,
    phone: str,
    postal_address: str,
    formats: list[str],
    needs: list[str],
    access_needs_other: str,
    how: str = "",
) -> Profile:
    profile = profile_for(person)
    profile.contact_method = contact_method
    profile.phone = _checked_phone(phone, contact_method)
    profile.postal_address = postal_address
    profile.access_needs_other = access_needs_other
    profile.updated_by = by
    profile.full_clean()
    profile.save()
    _replace(FormatNeed, person, "format", formats)
    _replace(AccessNeed, person, "need", needs)
    _record_assist(
        person=person, by=by, summary="Changed how to contact you and what you need", how=how
    )
    return profile


def _checked_phone(phone: str, contact_method: str) -> str:
    """A number is refused when saved, not when a text is sent (NTF-1): UK numbers only, and
    a mobile when the person wants text messages."""
    if not phone.strip():
        return ""
    try:
        return validate_uk_phone(phone, mobile=contact_method == Profile.ContactMethod.TEXT)
    except ValidationError as error:
        raise ValidationError({"phone": error.messages}) from None


def _replace(model, person: User, field: str, values: list[str]) -> None:
    valid = {choice for choice, _ in model._meta.get_field(field).choices}
    if set(values) - valid:
        raise ValidationError("Choose from the list")
    model.objects.filter(user=person).exclude(**{f"{field}__in": values}).delete()
    have = set(model.objects.filter(user=person).values_list(field, flat=True))
    model.objects.bulk_create([model(user=person, **{field: v}) for v in values if v not in have])


@transaction.atomic
def availability_update(
    *, person: User, by: User, slots: set[tuple[int, str]], how: str = ""
) -> None:
    AvailableSlot.objects.filter(user=person).delete()
    AvailableSlot.objects.bulk_create(
        [AvailableSlot(user=person, weekday=day, part_of_day=part) for day, part in sorted(slots)]
    )
    _record_assist(person=person, by=by, summary="Changed when you can take part", how=how)


@transaction.atomic
def unavailable_date_add(*, person: User, by: User, date, how: str = "") -> UnavailableDate:
    if date < timezone.localdate():
        raise ValidationError({"date": "The date must be today or in the future"})
    record, _ = UnavailableDate.objects.get_or_create(user=person, date=date)
    _record_assist(person=person, by=by, summary=f"Added {date:%d %B %Y} as a date you cannot come")
    return record


@transaction.atomic
def unavailable_date_remove(*, person: User, by: User, pk: int) -> None:
    deleted, _ = UnavailableDate.objects.filter(user=person, pk=pk).delete()
    if deleted:
        _record_assist(person=person, by=by, summary="Removed a date you could not come")


@transaction.atomic
def supporter_add(*, person: User, supporter_email: str, relationship: str, by: User) -> Supporter:
    """Record the person's consent for someone to act for them."""
    if by.pk != person.pk and not by.is_council_staff:
        raise ValidationError("Only the person, or a member of staff, can record this consent")
    supporter = User.objects.filter(email__iexact=supporter_email.strip(), is_active=True).first()
    if supporter is None:
        raise ValidationError(
            {"email": "There is no account with that email address. Ask them to join first."}
        )
    if supporter.pk == person.pk:
        raise ValidationError({"email": "You cannot be your own supporter"})
    current = Supporter.objects.filter(person=person, supporter=supporter, revoked_at__isnull=True)
    if current.exists():
        raise ValidationError({"email": f"{supporter} can already act for you"})
    return Supporter.objects.create(
        person=person, supporter=supporter, relationship=relationship, consent_recorded_by=by
    )


@transaction.atomic
def supporter_revoke(*, person: User, pk: int, by: User) -> None:
    """Consent ends at once: the supporter's next request is refused."""
    updated = Supporter.objects.filter(person=person, pk=pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if not updated:
        raise Supporter.DoesNotExist


@transaction.atomic
def person_language_set(*, user: User, language: str) -> User:
    """Keep the language a person chose for pages and e-mails (issue 19)."""
    from django.conf import settings

    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError({"language": "Choose a language from the list"})
    user.language = language
    user.full_clean(validate_unique=False)
    user.save(update_fields=["language"])
    return user
