"""Suggest times: rank the slots in a date range by who can come and by taking turns."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from copro.meetings import hosts, selectors
from copro.meetings import permissions as perms
from copro.meetings.forms import SuggestForm
from copro.meetings.scheduling import DAY_NAMES


@login_required
@require_GET
def suggest(request: HttpRequest, pk: int, host: str = perms.PROJECT) -> HttpResponse:
    owner = perms.host_get_for_organiser(viewer=request.user, host=host, pk=pk, request=request)
    tomorrow = timezone.localdate() + timedelta(days=1)
    asked = "start" in request.GET
    form = SuggestForm(
        request.GET if asked else None,
        initial={"start": tomorrow, "end": tomorrow + timedelta(days=27), "duration": 90},
    )
    context = {"form": form, **hosts.host_context(owner), "day_names": DAY_NAMES, "asked": asked}
    if asked and form.is_valid():
        context.update(selectors.suggestions(host=owner, **form.cleaned_data))
    return render(request, "meetings/suggest.html", context)
