import logging
import time
import uuid

from django.conf import settings
from django.contrib.auth import logout
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from copro.core.logging import request_id_var

log = logging.getLogger("copro.request")


class RequestIdMiddleware:
    """Gives every request an id that appears in each log line and in the X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
            self._log_refusal(request, response)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response

    @staticmethod
    def _log_refusal(request: HttpRequest, response: HttpResponse) -> None:
        """Someone signed in being refused or sent a 404 may be probing (LOG-2).

        The route pattern is logged, not the path, so ids and search words stay out of the logs.
        """
        user = getattr(request, "user", None)
        if response.status_code not in (403, 404) or user is None or not user.is_authenticated:
            return
        match = getattr(request, "resolver_match", None)
        log.warning(
            "access refused",
            extra={
                "event": "access_refused",
                "status": response.status_code,
                "user_id": user.pk,
                "route": match.route if match else "(no route)",
                "object_type": getattr(request, "refused_object_type", "-"),
            },
        )

    def process_exception(self, request: HttpRequest, exception: Exception):
        # A database that has gone away is not a bug in a page: say so plainly with a 503.
        if isinstance(exception, DatabaseError):
            log.error(
                "database error",
                extra={"event": "database_error", "error_type": type(exception).__name__},
            )
            response = render(request, "503.html", status=503)
            response._has_been_logged = True  # logged above, once, with its request id
            return response
        return None


def queued_ms(header: str, now: float) -> float | None:
    """How long a request waited between the load balancer and this process, from an
    `X-Request-Start` header ("t=" then seconds, milliseconds or microseconds since 1970, as
    nginx, HAProxy and others write it). None when the header is missing or makes no sense."""
    raw = header.strip().removeprefix("t=")
    try:
        value = float(raw)
    except ValueError:
        return None
    if value != value or value <= 0:  # NaN or nonsense
        return None
    if value > 1e14:  # microseconds
        seconds = value / 1e6
    elif value > 1e11:  # milliseconds
        seconds = value / 1e3
    else:
        seconds = value
    waited = (now - seconds) * 1000
    return waited if 0 <= waited < 3_600_000 else None


class LoadSheddingMiddleware:
    """When the service is overloaded, answer 503 at once instead of doing work nobody will
    wait for (LOAD-5: overload gives 503, not 500 or a dropped connection).

    The load balancer stamps each request with `X-Request-Start`; a request that has already
    queued longer than REQUEST_QUEUE_LIMIT_MS is refused with "Retry-After" before it touches
    the database. Health checks are never refused. Off when the limit is 0 (the default)."""

    EXEMPT = ("/healthz", "/readyz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.REQUEST_QUEUE_LIMIT_MS
        header = request.headers.get("X-Request-Start")
        if limit and header and not request.path.startswith(self.EXEMPT):
            waited = queued_ms(header, time.time())
            if waited is not None and waited > limit:
                log.warning(
                    "request shed",
                    extra={"event": "request_shed", "queued_ms": round(waited)},
                )
                body = render_to_string("core/busy.html", {"request_id": request.request_id})
                response = HttpResponse(body, status=503)
                response["Retry-After"] = "10"
                return response
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """HSTS on every response, not only HTTPS ones, plus a narrow permissions policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        response.headers.setdefault("Strict-Transport-Security", hsts)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class NoStoreForSignedInMiddleware:
    """Signed-in pages hold personal data: never keep them in a shared or browser cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
        return response


class SessionTimeoutMiddleware:
    """Signs people out after a spell of inactivity, and after an absolute limit (AUTH-10).

    Last activity is written at most once a minute, to spare the database a write per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        now = int(time.time())
        session = request.session
        started = session.setdefault("signed_in_at", now)
        last_seen = session.get("last_seen", now)
        idle = now - last_seen > settings.SESSION_IDLE_SECONDS
        too_old = now - started > settings.SESSION_COOKIE_AGE
        if idle or too_old:
            logout(request)
            log.info("session timed out", extra={"event": "session_timeout", "idle": idle})
            return self._to_sign_in(request)
        if now - last_seen >= 60 or "last_seen" not in session:
            session["last_seen"] = now
        return self.get_response(request)

    def _to_sign_in(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            return HttpResponse(status=401)
        query = {"timed_out": "1"}
        if request.method == "GET":
            query["next"] = request.get_full_path()
        return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode(query)}")


class PreferredLanguageMiddleware:
    """The language someone chose (issue 19): kept in the session, and in their profile when
    signed in, so it follows them to another device. After LocaleMiddleware (which has read the
    browser's preference) and AuthenticationMiddleware. A language no longer offered is
    ignored."""

    SESSION_KEY = "language"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        offered = {code for code, _name in settings.LANGUAGES}
        chosen = request.session.get(self.SESSION_KEY) if hasattr(request, "session") else None
        user = getattr(request, "user", None)
        if not chosen and user is not None and user.is_authenticated:
            chosen = getattr(user, "language", "") or None
        if chosen in offered:
            translation.activate(chosen)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
