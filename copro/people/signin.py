"""Invitations and one-time sign-in links: the writes and the e-mails (AUTH-3, AUTH-4, IO-7).

Tokens come from `secrets.token_urlsafe(32)` (256 bits) and only their SHA-256 is stored: the
token itself exists only in the e-mail, so neither a copy of the database nor the logs can sign
anyone in. Each e-mail has its own function, a subject template and text and HTML bodies, and
its links start with `settings.SITE_URL`, never the request's Host (CFG-5).
docs/decisions/0002-sign-in.md says why citizens may sign in by link.
"""

import hashlib
import logging
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from copro.core.audit import auth_event, hashed_identifier
from copro.core.net import client_ip
from copro.people.models import Invitation, SignInLink, SignInLinkRequest, User

log = logging.getLogger("copro.auth")

SEND_FAILED = "We could not send the email just now. Try again in a few minutes."
CLOSED = "This invitation has expired or has been used."


def new_token() -> tuple[str, str]:
    """A fresh raw token for the e-mail, and the hash that is all the database keeps."""
    raw = secrets.token_urlsafe(32)
    return raw, token_hash(raw)


def token_hash(raw: str) -> str:
    return hashlib.sha256((raw or "").encode()).hexdigest()


def clean_display_name(name: str) -> str:
    """One line of printable text: CR, LF and other control characters become spaces, so a name
    can never start a new e-mail header or log line (IO-7, LOG-3)."""
    printable = "".join(ch if ch.isprintable() else " " for ch in name or "")
    return " ".join(printable.split())[:80]


def _send(*, to: str, template: str, context: dict) -> None:
    """One message from its three templates: `<template>_subject.txt`, `.txt` and `.html`.
    The address is the only database value in a header; names go in the body."""
    context = {
        **context,
        "site_url": settings.SITE_URL,
        "service_name": settings.SERVICE_NAME,
        "council_name": settings.COUNCIL_NAME,
    }
    subject = clean_display_name(render_to_string(f"{template}_subject.txt", context))
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send(fail_silently=False)


# --- Invitations (AUTH-4) -------------------------------------------------------------------


def roles_inviter_may_give(inviter: User) -> list[str]:
    """Staff invite citizens; only administrators may invite staff or administrators."""
    if not inviter.is_authenticated or not inviter.is_active:
        return []
    if inviter.role == User.Role.ADMINISTRATOR or inviter.is_superuser:
        return [User.Role.CITIZEN, User.Role.STAFF, User.Role.ADMINISTRATOR]
    if inviter.is_council_staff:
        return [User.Role.CITIZEN]
    return []


def send_invitation_email(*, invitation: Invitation, token: str) -> None:
    url = settings.SITE_URL + reverse("accounts:invitation_accept", kwargs={"token": token})
    inviter = invitation.invited_by.display_name if invitation.invited_by else ""
    _send(
        to=invitation.email,
        template="people/email/invitation",
        context={
            "invitation": invitation,
            "inviter_name": clean_display_name(inviter),
            "url": url,
            "days": settings.INVITATION_DAYS,
        },
    )


def invitation_create(
    *, email: str, display_name: str, role: str, by: User
) -> tuple[Invitation, str]:
    """Invite someone by e-mail. Returns the invitation and the raw token (for the e-mail only).

    The row and the e-mail stand or fall together: if sending fails, nothing is kept (IO-7)."""
    if role not in roles_inviter_may_give(by):
        raise PermissionDenied("You cannot invite someone with that role.")
    email = User.objects.normalize_email(email or "").strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "This email address already has an account"})
    raw, hashed = new_token()
    now = timezone.now()
    invitation = Invitation(
        email=email,
        display_name=clean_display_name(display_name),
        role=role,
        invited_by=by,
        token_hash=hashed,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_DAYS),
    )
    invitation.full_clean()
    try:
        with transaction.atomic():
            invitation.save()
            send_invitation_email(invitation=invitation, token=raw)
    except (smtplib.SMTPException, OSError) as error:
        log.error(
            "invitation email not sent",
            extra={"event": "invitation_not_sent", "error_type": type(error).__name__},
        )
        raise ValidationError(SEND_FAILED) from None
    auth_event(
        "invitation_sent",
        user_id=by.pk,
        identifier=hashed_identifier(email),
        invitation_id=invitation.pk,
        role=role,
    )
    return invitation, raw


def invitation_get_open(*, token: str) -> Invitation | None:
    """The invitation this token opens, if it is unused, in date and its address still free."""
    invitation = Invitation.objects.filter(token_hash=token_hash(token)).first()
    if invitation is None or not invitation.is_open():
        return None
    if User.objects.filter(email__iexact=invitation.email).exists():
        return None
    return invitation


def may_choose_sign_in_links(role: str) -> bool:
    """Staff and administrators need a password and a second factor (decision 0002)."""
    return role == User.Role.CITIZEN


@transaction.atomic
def invitation_accept(*, token: str, display_name: str, password_or_none: str | None) -> User:
    """Make the account an invitation promised. Single use: the row is locked, checked and
    marked accepted in one transaction, so two tabs cannot both use it.

    With no password the account's password is unusable: the person signs in by e-mail links.
    """
    invitation = Invitation.objects.select_for_update().filter(token_hash=token_hash(token)).first()
    if (
        invitation is None
        or not invitation.is_open()
        or User.objects.filter(email__iexact=invitation.email).exists()
    ):
        auth_event("invitation_refused", invitation_id=getattr(invitation, "pk", None))
        raise ValidationError(CLOSED, code="closed")
    if password_or_none is None and not may_choose_sign_in_links(invitation.role):
        raise ValidationError({"password1": "Create a password"})
    user = _user_from_invitation(invitation, display_name, password_or_none)
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    auth_event("invitation_accepted", user_id=user.pk, invitation_id=invitation.pk)
    return user


def _user_from_invitation(invitation: Invitation, display_name: str, password: str | None):
    administrator = invitation.role == User.Role.ADMINISTRATOR
    user = User(
        email=invitation.email,
        display_name=clean_display_name(display_name),
        role=invitation.role,
        # Administrators manage content and people through the administration pages, as the
        # demo administrator does.
        is_staff=administrator,
        is_superuser=administrator,
    )
    if password is None:
        user.set_unusable_password()
    else:
        try:
            password_validation.validate_password(password, user=user)
        except ValidationError as error:
            raise ValidationError({"password1": error.messages}) from None
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


# --- One-time sign-in links (AUTH-3, AUTH-11, API-5) ----------------------------------------


def send_sign_in_link_email(*, user: User, token: str) -> None:
    url = settings.SITE_URL + reverse("accounts:sign_in_link", kwargs={"token": token})
    _send(
        to=user.email,
        template="people/email/sign_in_link",
        context={
            "name": clean_display_name(user.display_name),
            "url": url,
            "minutes": settings.SIGN_IN_LINK_MINUTES,
        },
    )


def _rate_limited(*, identifier: str, ip: str) -> bool:
    """Count recent requests in the database (shared by every app process), then record this
    one if it may go ahead. Every allowed request counts, whether the address has an account
    or not, so the limit says nothing about who is registered. Old rows are pruned as we go."""
    now = timezone.now()
    since = now - timedelta(minutes=settings.SIGN_IN_LINK_LIMIT_MINUTES)
    with transaction.atomic():
        SignInLinkRequest.objects.filter(created_at__lt=since).delete()
        recent = SignInLinkRequest.objects.filter(created_at__gte=since)
        if (
            recent.filter(identifier_hash=identifier).count()
            >= settings.SIGN_IN_LINK_LIMIT_PER_EMAIL
            or recent.filter(ip=ip).count() >= settings.SIGN_IN_LINK_LIMIT_PER_IP
        ):
            return True
        SignInLinkRequest.objects.create(identifier_hash=identifier, ip=ip, created_at=now)
    return False


def _can_use_links(user: User | None) -> bool:
    """Citizens only: staff and administrators sign in with a password and a second factor."""
    return bool(user is not None and user.is_active and user.email and not user.needs_second_factor)


def _issue_link(*, user: User, request) -> None:
    """Make a link and e-mail it; if the e-mail fails, the link is rolled back and logged."""
    raw, hashed = new_token()
    now = timezone.now()
    try:
        with transaction.atomic():
            SignInLink.objects.filter(
                user=user, expires_at__lt=now - timedelta(days=settings.SIGN_IN_LINK_KEEP_DAYS)
            ).delete()
            SignInLink.objects.create(
                user=user,
                token_hash=hashed,
                created_at=now,
                expires_at=now + timedelta(minutes=settings.SIGN_IN_LINK_MINUTES),
            )
            send_sign_in_link_email(user=user, token=raw)
    except (smtplib.SMTPException, OSError) as error:
        auth_event("sign_in_link_not_sent", request, user_id=user.pk, error=type(error).__name__)
        return
    auth_event("sign_in_link_sent", request, user_id=user.pk)


def sign_in_link_request(*, email: str, request) -> None:
    """E-mail a sign-in link if the address belongs to someone who may use one.

    The caller shows the same "Check your email" page whatever happens here (AUTH-11): unknown
    addresses, staff accounts and rate-limited requests all silently send nothing. The client
    address comes from `client_ip`, so a forged X-Forwarded-For cannot reset the limit."""
    identifier = hashed_identifier(email)
    if _rate_limited(identifier=identifier, ip=client_ip(request)):
        auth_event("sign_in_link_rate_limited", request, identifier=identifier)
        return
    user = User.objects.filter(email__iexact=(email or "").strip()).first()
    if not _can_use_links(user):
        auth_event("sign_in_link_not_sent", request, identifier=identifier)
        return
    _issue_link(user=user, request=request)


def sign_in_link_resend(*, token: str, request) -> None:
    """The one-click "Send me a new link" on an expired link's page: the person is known from
    the old link, so they are not asked for their address again. Still rate-limited."""
    old = SignInLink.objects.select_related("user").filter(token_hash=token_hash(token)).first()
    if old is None:
        auth_event("sign_in_link_not_sent", request, reason="unknown_link")
        return
    identifier = hashed_identifier(old.user.email)
    if _rate_limited(identifier=identifier, ip=client_ip(request)):
        auth_event("sign_in_link_rate_limited", request, identifier=identifier)
        return
    if not _can_use_links(old.user):
        auth_event("sign_in_link_not_sent", request, identifier=identifier)
        return
    _issue_link(user=old.user, request=request)


def _refusal_reason(link: SignInLink | None, now) -> str:
    if link is None:
        return "unknown"
    if link.used_at is not None:
        return "used"
    if now >= link.expires_at:
        return "expired"
    if not _can_use_links(link.user):
        return "not_allowed"
    return ""


@transaction.atomic
def sign_in_link_use(*, token: str, request) -> User | None:
    """Spend a link: returns its person, or None if it is unknown, used or out of date.

    The row is locked while it is checked and marked used, so it works exactly once."""
    link = (
        SignInLink.objects.select_for_update()
        .select_related("user")
        .filter(token_hash=token_hash(token))
        .first()
    )
    now = timezone.now()
    reason = _refusal_reason(link, now)
    if reason:
        user_id = link.user_id if link else None
        auth_event("sign_in_link_refused", request, reason=reason, user_id=user_id)
        return None
    # Only the first of two racing requests finds it unused (select_for_update is a no-op on
    # SQLite, where the IMMEDIATE transaction already serialises writers).
    claimed = SignInLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now)
    if claimed != 1:
        auth_event("sign_in_link_refused", request, reason="used", user_id=link.user_id)
        return None
    auth_event("sign_in_link_used", request, user_id=link.user_id)
    return link.user


def sign_in_link_open(*, token: str) -> bool:
    """Whether this link could still sign someone in (read only: GET never spends it)."""
    link = SignInLink.objects.select_related("user").filter(token_hash=token_hash(token)).first()
    return not _refusal_reason(link, timezone.now())


def sign_in_link_known(*, token: str) -> bool:
    """Whether a link was ever made with this token (to offer "Send me a new link")."""
    return SignInLink.objects.filter(token_hash=token_hash(token)).exists()


# --- What the person's data export and erasure do with these rows (PRIV-9, PRIV-10) --------


def register_personal_data() -> None:
    """For the people app's data handlers to call. Invitations someone *sent* name other
    people, so they are not in the sender's export; the sender link stays, anonymised."""
    from copro.people import your_data

    def _export_invitation(user: User) -> list[dict]:
        return your_data.rows(
            Invitation.objects.filter(accepted_user=user), "created_at", "accepted_at", "role"
        )

    def _erase_invitation(user: User) -> None:
        Invitation.objects.filter(accepted_user=user).delete()
        if user.email:
            Invitation.objects.filter(email__iexact=user.email).delete()

    your_data.register(
        Invitation, label="Your invitation", export=_export_invitation, erase=_erase_invitation
    )
    your_data.register(
        SignInLink,
        label="Sign-in links sent to you",
        export=lambda user: your_data.rows(
            SignInLink.objects.filter(user=user), "created_at", "expires_at", "used_at"
        ),
        erase=your_data.delete_rows(SignInLink),
    )
