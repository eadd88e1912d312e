"""Structured records of sign-in events (LOG-1). Never a password or token; emails are hashed."""

import hashlib
import logging
import time

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from copro.core.net import client_ip

log = logging.getLogger("copro.auth")


def hashed_identifier(value: str | None) -> str:
    """A stable pseudonym for an email address, so failures can be grouped without storing it."""
    raw = (value or "").strip().lower().encode()
    key = settings.SECRET_KEY.encode()
    return hashlib.blake2b(raw, key=key[:64], digest_size=12).hexdigest()


def auth_event(event: str, request=None, **fields) -> None:
    ip = client_ip(request) if request is not None else None
    log.info(event, extra={"event": event, "ip": ip, **fields})


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    # The absolute session limit counts from here (AUTH-10).
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session["signed_in_at"] = now
        request.session["last_seen"] = now
    auth_event("sign_in_succeeded", request, user_id=user.pk)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    auth_event("signed_out", request, user_id=getattr(user, "pk", None))


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    auth_event("sign_in_failed", request, identifier=hashed_identifier(credentials.get("username")))


@receiver(user_locked_out)
def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    auth_event("sign_in_locked_out", request, identifier=hashed_identifier(username))
