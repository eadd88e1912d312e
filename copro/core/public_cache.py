"""Pages people read without signing in, kept ready in the cache (issue 20).

Most of the public's reading - the guidance, published projects and their reports, "you said,
we did" - is the same page for everyone who is not signed in, and it changes only when the
record does. So the whole response is kept in the cache and served again until something
changes.

Correct before fast. A page is kept only when it is certainly the same for every visitor: a GET
from someone with no session cookie, answered 200, that sets no cookie, used no CSRF token (a
page with a form is never kept), and said nothing about caching itself (`no-store`, `private`).

Invalidation is by one number, the *record version*, that is part of every key. It moves on:
- every write through the web (any POST, PUT, PATCH or DELETE that did not fail), and
- every save or delete of a model outside the web (commands, tasks), through Django's signals,
both after the transaction commits, so a reader never keeps an old page under the new number.
Writes that send no signal (a queryset `update()` in a task) are caught by the time limit,
PUBLIC_CACHE_SECONDS: nothing stays longer than that.

The cache must be shared by every process that serves the site, or one worker would not see
another's change: settings use a file cache under var/ by default (one machine) and Redis when
REDIS_URL is set (several machines).
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import translation

log = logging.getLogger("copro.cache")

VERSION_KEY = "public-record-version"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Rows written on every sign-in, request or task run: nothing the public reads.
QUIET_APPS = {"sessions", "axes", "django_tasks_db", "admin", "contenttypes", "otp_totp"}
QUIET_MODELS = {"SignedInSession", "SignInLink", "SignInLinkRequest", "Notification"}
MAX_PATH = 300


def _cache():
    return caches["default"]


def _versions():
    # Its own cache with no expiry and no culling: if the number were lost it would start again
    # at 0 and could meet pages kept under the old 0.
    return caches["versions"]


def record_version() -> int:
    try:
        return int(_versions().get(VERSION_KEY) or 0)
    except Exception:  # a cache that is down serves nothing from the cache, never an error
        log.warning("cache unavailable", extra={"event": "cache_unavailable"})
        return -1


def _bump() -> None:
    cache = _versions()
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not set yet
            cache.add(VERSION_KEY, 0, timeout=None)
            cache.incr(VERSION_KEY)
    except Exception:
        log.warning("cache unavailable", extra={"event": "cache_unavailable"})


def record_changed() -> None:
    """Call after any change the public might read; runs once the transaction commits."""
    pending = connection.run_on_commit if connection.in_atomic_block else []
    if any(entry[1] is _bump for entry in pending):
        return
    transaction.on_commit(_bump)


def _on_model_change(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label in QUIET_APPS or meta.object_name in QUIET_MODELS:
        return
    record_changed()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_model_change, dispatch_uid=f"public-cache-{signal!r}")


def _key(request: HttpRequest) -> str | None:
    path = request.get_full_path()
    if len(path) > MAX_PATH:
        return None
    language = translation.get_language_from_request(request) if settings.USE_I18N else ""
    raw = f"{request.get_host()}|{language}|{path}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"public-page:{record_version()}:{digest}"


def _anonymous(request: HttpRequest) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and "no-store" not in cache_control
        and "private" not in cache_control
        and not getattr(request, "_copro_no_public_cache", False)
    )


class PublicPageCacheMiddleware:
    """Serve a kept copy of a public page to people who are not signed in (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response
        connect_signals()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not getattr(settings, "PUBLIC_CACHE_SECONDS", 0):
            return self.get_response(request)
        if request.method in UNSAFE_METHODS:
            response = self.get_response(request)
            if response.status_code < 400:
                record_changed()
            return response
        if request.method not in ("GET", "HEAD") or not _anonymous(request):
            return self.get_response(request)
        key = _key(request)
        if key is None or key.startswith("public-page:-1:"):
            return self.get_response(request)
        kept = _cache().get(key)
        if kept is not None:
            kept["X-Public-Cache"] = "hit"
            return kept
        response = self.get_response(request)
        if request.method == "GET" and _keepable(request, response):
            _cache().set(key, response, timeout=settings.PUBLIC_CACHE_SECONDS)
            response["X-Public-Cache"] = "miss"
        return response
