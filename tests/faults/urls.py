"""Test-only pages for the fault tests (never part of the app's own URLs)."""

import os
import time
from pathlib import Path

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from copro.people.models import SignInLinkRequest
from copro.urls import handler404, handler500  # noqa: F401
from copro.urls import urlpatterns as app_urlpatterns


@csrf_exempt
def slow_write(request: HttpRequest) -> JsonResponse:
    """Write a row inside a transaction, say so in a file (with this worker's pid), then wait
    before committing: the test breaks the worker while the write is open."""
    key = request.GET["key"]
    seconds = float(request.GET.get("seconds", "0"))
    with transaction.atomic():
        SignInLinkRequest.objects.create(
            identifier_hash=key, ip="127.0.0.1", created_at=timezone.now()
        )
        marker = request.GET.get("marker")
        if marker:
            Path(marker).write_text(str(os.getpid()))
        time.sleep(seconds)
    return JsonResponse({"saved": key})


def worker_pid(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"pid": os.getpid()})


urlpatterns = [
    path("faults/slow-write/", slow_write),
    path("faults/pid/", worker_pid),
    *app_urlpatterns,
]
