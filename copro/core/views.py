import logging

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from copro.core import todo

log = logging.getLogger("copro.health")


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Signed in: "What's next for you", built by the apps' providers (copro.core.todo), with
    a short guided start for someone new. Anonymous: the public page."""
    if not request.user.is_authenticated:
        return render(request, "core/home.html")
    items = todo.items_for(request.user)
    return render(
        request,
        "core/home_signed_in.html",
        {
            "start": sorted((i for i in items if i.group == todo.START), key=lambda i: i.priority),
            "items": [i for i in items if i.group != todo.START],
        },
    )


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    from copro.core import accessibility as statement

    return render(request, "core/accessibility.html", {"statement": statement})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@require_GET
def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "core/cookies.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive. Touches nothing else, so a slow database never fails it."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """The database answers: a load balancer sends traffic here only when this is 200."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure to reach the database means "not ready"
        log.warning(
            "database not ready", extra={"event": "not_ready", "error_type": type(error).__name__}
        )
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def locked_out(request: HttpRequest, credentials=None, *args, **kwargs) -> HttpResponse:
    """Shown by django-axes after too many failed sign-ins (AUTH-1)."""
    response = render(request, "core/locked_out.html", status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
