"""Two-step sign-in for staff and administrators (AUTH-5, decision 0002).

An authenticator app (django-otp's TOTPDevice) with ten single-use recovery codes (a
StaticDevice). django-otp remembers the last time step it accepted (`last_t`), so a code that has
been used once is refused, and it slows down repeated wrong guesses itself.
"""

import re
from base64 import b32encode

import django_otp
import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from copro.core.audit import auth_event
from copro.people.models import User
from copro.people.sessions import session_key_rotate

RECOVERY_CODE_COUNT = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_device_pending(*, user: User) -> TOTPDevice:
    """The app being set up: the same secret until it is confirmed, so a page refresh does not
    invalidate what the person has already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


def secret_in_groups(device: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed: base32, in groups of four letters."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """An inline SVG drawn by segno from the otpauth:// address; no user text goes into it
    except through segno's own encoding, and it needs no script, style or outside service."""
    code = segno.make(device.config_url, error="m")
    svg = code.svg_inline(
        scale=5, dark="#0b0c0c", light="#ffffff", omitsize=True, svgclass="app-qr"
    )
    label = 'role="img" aria-label="QR code for your authenticator app"'
    return svg.replace("<svg ", f"<svg {label} ", 1)


def _recovery_codes_replace(*, user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def totp_device_confirm(*, request: HttpRequest, code: str) -> list[str] | None:
    """Check the first code from the app being set up. On success the app is confirmed, this
    session counts as verified, and ten new recovery codes are returned (shown once)."""
    user = request.user
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None or not device.verify_token(_digits(code)):
        auth_event("mfa_failed", request, user_id=user.pk, stage="set_up")
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    codes = _recovery_codes_replace(user=user)
    session_key_rotate(request)
    django_otp.login(request, device)
    auth_event("mfa_set_up", request, user_id=user.pk)
    return codes


def _digits(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "")


def second_factor_verify(*, request: HttpRequest, code: str) -> bool:
    """A six-digit code from the app, or one of the recovery codes (each works once)."""
    user = request.user
    cleaned = _digits(code).lower()
    if cleaned.isdigit():
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    for device in devices:
        verified = django_otp.verify_token(user, device.persistent_id, cleaned)
        if verified is not None:
            session_key_rotate(request)
            django_otp.login(request, verified)
            kind = "recovery_code" if isinstance(verified, StaticDevice) else "app"
            auth_event("mfa_succeeded", request, user_id=user.pk, method=kind)
            return True
    auth_event("mfa_failed", request, user_id=user.pk, stage="sign_in")
    return False


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def safe_next(request: HttpRequest, target: str | None) -> str:
    """A path on this site only: never a scheme, a host or "//" (IO-4)."""
    if (
        target
        and target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    ):
        return target
    return ""


class SecondFactorRequiredMiddleware:
    """Staff and administrators who have signed in but not passed the second step can reach
    only the two-step pages and sign-out. Pages redirect; the API answers 401 in JSON."""

    ALLOWED_NAMES = (
        "accounts:two_step",
        "accounts:two_step_setup",
        "accounts:sign_out",
        "accounts:stay_signed_in",
        "core:healthz",
        "core:readyz",
        # The policies must stay readable while someone is setting up their app.
        "core:accessibility",
        "core:privacy",
        "core:cookies",
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self._allowed: set[str] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or not user.needs_second_factor
            or self._is_allowed(request.path)
            or self._is_verified(user)
        ):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": "Finish signing in: enter the code from your authenticator app."},
                status=401,
            )
        name = "accounts:two_step" if has_confirmed_device(user) else "accounts:two_step_setup"
        target = reverse(name)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)

    @staticmethod
    def _is_verified(user) -> bool:
        is_verified = getattr(user, "is_verified", None)
        return bool(is_verified and is_verified())

    def _is_allowed(self, path: str) -> bool:
        if self._allowed is None:
            self._allowed = {reverse(name) for name in self.ALLOWED_NAMES}
        return path in self._allowed or path.startswith(settings.STATIC_URL)
