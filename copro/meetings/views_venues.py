"""Venues: anyone signed in can read what a place has; administrators add and change them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from copro.core.forms import errors_to_form
from copro.meetings import permissions as perms
from copro.meetings import services
from copro.meetings.forms import VenueForm
from copro.meetings.models import Venue


@login_required
@require_GET
def venues(request: HttpRequest) -> HttpResponse:
    context = {
        "venues": list(Venue.objects.all()),
        "can_manage": perms.may_manage_venues(request.user),
    }
    return render(request, "meetings/venues.html", context)


def _venue_form(request: HttpRequest, venue: Venue | None) -> HttpResponse:
    if not perms.may_manage_venues(request.user):
        raise PermissionDenied
    initial = {"is_active": True}
    if venue is not None:
        initial = {
            f: getattr(venue, f)
            for f in ("name", "address", "how_to_get_there", "features", "is_active")
        }
    form = VenueForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.venue_save(venue=venue, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The place has been saved.")
            return redirect("meetings:venues")
    heading = "Add a place" if venue is None else f"Change {venue.name}"
    return render(
        request,
        "meetings/venue_form.html",
        {"form": form, "heading": heading, "button": "Save the place"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def venue_new(request: HttpRequest) -> HttpResponse:
    return _venue_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def venue_change(request: HttpRequest, venue_pk: int) -> HttpResponse:
    if not perms.may_manage_venues(request.user):
        raise PermissionDenied
    return _venue_form(request, get_object_or_404(Venue, pk=venue_pk))
