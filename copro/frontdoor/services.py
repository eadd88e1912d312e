"""Writes for the way in. Each validates, runs in one transaction and raises ValidationError
for a refusal a form can show."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from copro.core.audit import hashed_identifier
from copro.frontdoor.models import GetInvolvedAttempt, GetInvolvedRequest, WelcomeSkip
from copro.people import signin
from copro.people.models import User
from copro.people.models.profile import Profile
from copro.people.models.signin import Invitation
from copro.people.models.support import AssistedEntry
from copro.people.services import profile_for

_PHONE_CHARS = re.compile(r"^\+?[0-9 ()-]+$")


_OFFLINE_METHODS = (
    Profile.ContactMethod.PHONE,
    Profile.ContactMethod.TEXT,
    Profile.ContactMethod.POST,
)


class TooManyRequests(Exception):
    """The rate limit for the public form was reached (API-5)."""


def phone_check(phone: str) -> str:
    """A phone number we could dial: digits, spaces, brackets, dashes, and 10 to 13 digits.
    Refused when saved, not when we try to call or text."""
    phone = (phone or "").strip()
    digits = re.sub(r"\D", "", phone)
    if not _PHONE_CHARS.match(phone) or not 10 <= len(digits) <= 13:
        raise ValidationError(
            {"phone": "Enter a phone number with 10 to 13 digits, like 01632 960 001"}
        )
    return phone


def _check_contact(*, contact_method: str, email: str, phone: str, postal_address: str) -> None:
    Method = GetInvolvedRequest.ContactMethod
    if contact_method == Method.EMAIL and not email:
        raise ValidationError({"email": "Enter your email address, or choose another way"})
    if contact_method == Method.PHONE:
        if not phone:
            raise ValidationError({"phone": "Enter your phone number, or choose another way"})
        phone_check(phone)
    elif phone:
        phone_check(phone)
    if contact_method == Method.POST and not postal_address.strip():
        raise ValidationError({"postal_address": "Enter your address, or choose another way"})


def _rate_limited(*, ip: str) -> bool:
    """Count recent forms from this address in the database (every app process shares it)."""
    now = timezone.now()
    since = now - timedelta(minutes=settings.GET_INVOLVED_LIMIT_MINUTES)
    ip_hash = hashed_identifier(ip)
    GetInvolvedAttempt.objects.filter(created_at__lt=since).delete()
    recent = GetInvolvedAttempt.objects.filter(ip_hash=ip_hash, created_at__gte=since).count()
    if recent >= settings.GET_INVOLVED_LIMIT_PER_IP:
        return True
    GetInvolvedAttempt.objects.create(ip_hash=ip_hash, created_at=now)
    return False


@transaction.atomic
def get_involved_submit(
    *,
    name: str,
    contact_method: str,
    email: str = "",
    phone: str = "",
    postal_address: str = "",
    what_i_bring: str = "",
    areas: str = "",
    access_needs: str = "",
    call_back: bool = False,
    ip: str,
) -> GetInvolvedRequest:
    """Keep a request from the public form. With SELF_REGISTRATION on and an email address,
    the person is also sent a link that checks the address and lets them make an account."""
    email = (email or "").strip().lower()
    _check_contact(
        contact_method=contact_method, email=email, phone=phone, postal_address=postal_address
    )
    request = GetInvolvedRequest(
        name=signin.clean_display_name(name),
        contact_method=contact_method,
        email=email,
        phone=(phone or "").strip(),
        postal_address=postal_address.strip(),
        what_i_bring=what_i_bring.strip(),
        areas=areas.strip(),
        access_needs=access_needs.strip(),
        call_back=call_back,
    )
    request.full_clean()
    if _rate_limited(ip=ip):
        raise TooManyRequests
    request.save()
    if settings.SELF_REGISTRATION and email and not User.objects.filter(email__iexact=email):
        _self_registration_link(request)
    return request


def _self_registration_link(request: GetInvolvedRequest) -> None:
    """The invitation e-mail doubles as the email check: only the address's owner can open it."""
    raw, hashed = signin.new_token()
    now = timezone.now()
    invitation = Invitation.objects.create(
        email=request.email,
        display_name=request.name,
        role=User.Role.CITIZEN,
        invited_by=None,
        token_hash=hashed,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_DAYS),
    )
    signin.send_invitation_email(invitation=invitation, token=raw)
    request.invitation = invitation
    request.status = GetInvolvedRequest.Status.INVITED
    request.answered_at = now
    request.save(update_fields=["invitation", "status", "answered_at"])


def _must_be_open(request: GetInvolvedRequest) -> None:
    if not request.is_open:
        raise ValidationError("This request has already been answered")


def _staff_only(by: User) -> None:
    if not by.is_council_staff:
        raise PermissionDenied


@transaction.atomic
def request_record_call(*, request: GetInvolvedRequest, note: str, by: User) -> None:
    _staff_only(by)
    _must_be_open(request)
    if not note.strip():
        raise ValidationError({"note": "Write what you talked about"})
    request.call_note = note.strip()
    request.called_at = timezone.now()
    request.called_by = by
    request.status = GetInvolvedRequest.Status.CALLED
    request.full_clean()
    request.save()


@transaction.atomic
def request_invite(*, request: GetInvolvedRequest, by: User) -> Invitation:
    """Create the account and invite: the existing invitation e-mail (people.signin)."""
    _staff_only(by)
    _must_be_open(request)
    if not request.email:
        raise ValidationError(
            "They gave no email address. Keep a record for them without email instead."
        )
    invitation, _raw = signin.invitation_create(
        email=request.email, display_name=request.name, role=User.Role.CITIZEN, by=by
    )
    _answer(request, GetInvolvedRequest.Status.INVITED, by)
    request.invitation = invitation
    request.save(update_fields=["invitation"])
    return invitation


@transaction.atomic
def request_record_without_email(*, request: GetInvolvedRequest, consent: bool, by: User) -> User:
    """A record for someone who takes part by phone or post, kept by the member of staff."""
    _staff_only(by)
    _must_be_open(request)
    method = request.contact_method
    if method == GetInvolvedRequest.ContactMethod.EMAIL:
        method = Profile.ContactMethod.PHONE if request.phone else Profile.ContactMethod.POST
    person = person_create_without_email(
        display_name=request.name,
        contact_method=method,
        phone=request.phone,
        postal_address=request.postal_address,
        what_i_bring=request.what_i_bring,
        access_needs_other=request.access_needs,
        consent=consent,
        by=by,
    )
    _answer(request, GetInvolvedRequest.Status.RECORDED, by)
    request.person = person
    request.save(update_fields=["person"])
    return person


@transaction.atomic
def request_decline(*, request: GetInvolvedRequest, reason: str, by: User) -> None:
    _staff_only(by)
    _must_be_open(request)
    if not reason.strip():
        raise ValidationError({"reason": "Write the reason you will give them"})
    request.decline_reason = reason.strip()
    _answer(request, GetInvolvedRequest.Status.DECLINED, by)


def _answer(request: GetInvolvedRequest, status: str, by: User) -> None:
    request.status = status
    request.answered_at = timezone.now()
    request.answered_by = by
    request.full_clean()
    request.save()


@transaction.atomic
def person_create_without_email(
    *,
    display_name: str,
    contact_method: str,
    phone: str = "",
    postal_address: str = "",
    what_i_bring: str = "",
    access_needs_other: str = "",
    consent: bool,
    consent_how: str = "by phone",
    by: User,
) -> User:
    """A person who takes part without email or the internet. They cannot sign in; the member
    of staff who made the record keeps it (Profile.staff_contact). Only with their consent."""
    _staff_only(by)
    if not consent:
        raise ValidationError(
            {"consent": "Ask them first: we can only keep a record with their agreement"}
        )
    if contact_method not in _OFFLINE_METHODS:
        raise ValidationError({"contact_method": "Choose phone, text message or post"})
    if contact_method in (Profile.ContactMethod.PHONE, Profile.ContactMethod.TEXT):
        if not phone:
            raise ValidationError({"phone": "Enter their phone number"})
        phone_check(phone)
    if contact_method == Profile.ContactMethod.POST and not postal_address.strip():
        raise ValidationError({"postal_address": "Enter their address"})
    person = User(email=None, display_name=signin.clean_display_name(display_name))
    person.set_unusable_password()
    person.full_clean(exclude=["password"])
    person.save()
    profile = profile_for(person)
    profile.contact_method = contact_method
    profile.phone = phone.strip()
    profile.postal_address = postal_address.strip()
    profile.what_i_bring = what_i_bring
    profile.access_needs_other = access_needs_other
    profile.staff_contact = by
    profile.created_by = by
    profile.updated_by = by
    profile.full_clean()
    profile.save()
    # Their agreement is on their own record, where they (and an export) can see it (AZ-9).
    AssistedEntry.objects.create(
        person=person,
        entered_by=by,
        summary="Made a record for you, with your agreement, so you can take part without email",
        how=consent_how[:40],
    )
    return person


def welcome_skip(*, person: User) -> None:
    """The guided start is skipped for good (skipping twice changes nothing)."""
    WelcomeSkip.objects.get_or_create(user=person)
