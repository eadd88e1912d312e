"""Advice clinic pages. Each view: get the object through a permission getter, validate, call
one service, redirect (POST/redirect/GET)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.community import permissions as perms
from copro.community import selectors, services
from copro.community.forms import BookForm, ClinicSlotForm
from copro.community.ics import booking_calendar


@login_required
@require_GET
def community_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "community/home.html",
        {"can_browse": perms.can_browse_case_studies(request.user)},
    )


@login_required
@require_GET
def clinics(request: HttpRequest) -> HttpResponse:
    can_host = perms.can_host_clinics(request.user)
    return render(
        request,
        "community/clinics.html",
        {
            "slots": selectors.slots_upcoming(),
            "bookings": selectors.bookings_of(person=request.user),
            "can_host": can_host,
            "hosted": selectors.slots_hosted_by(host=request.user) if can_host else [],
        },
    )


def _not_a_host(request: HttpRequest) -> HttpResponse:
    return render(request, "community/not_a_host.html", status=403)


@login_required
@require_http_methods(["GET", "POST"])
def slot_new(request: HttpRequest) -> HttpResponse:
    if not perms.can_host_clinics(request.user):
        return _not_a_host(request)
    form = ClinicSlotForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            slot = services.clinic_slot_publish(host=request.user, **form.slot_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your clinic is published. Anyone signed in can book it.")
            return redirect(slot)
    return render(request, "community/slot_form.html", {"form": form})


@login_required
@require_GET
def slot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    slot = perms.slot_get_for_viewer(viewer=request.user, pk=pk, request=request)
    booking = selectors.slot_live_booking(slot=slot)
    mine = booking is not None and booking.person_id == request.user.pk
    is_host = slot.host_id == request.user.pk
    return render(
        request,
        "community/slot.html",
        {
            "slot": slot,
            "taken": booking is not None,
            "booking": booking if (mine or is_host) else None,
            "is_host": is_host,
            "started": slot.has_started(),
            "form": BookForm(),
        },
    )


@login_required
@require_POST
def slot_book(request: HttpRequest, pk: int) -> HttpResponse:
    slot = perms.slot_get_for_viewer(viewer=request.user, pk=pk, request=request)
    form = BookForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "community/slot.html",
            {"slot": slot, "form": form, "taken": False, "started": slot.has_started()},
        )
    try:
        booking = services.clinic_book(
            slot=slot, person=request.user, question=form.cleaned_data["question"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(slot)
    messages.success(request, "You have booked this clinic. We have emailed you the details.")
    return redirect(booking)


@login_required
@require_GET
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = perms.booking_get_for_viewer(viewer=request.user, pk=pk, request=request)
    return render(
        request,
        "community/booking.html",
        {
            "booking": booking,
            "slot": booking.slot,
            "is_host": booking.slot.host_id == request.user.pk,
            "started": booking.slot.has_started(),
        },
    )


@login_required
@require_POST
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = perms.booking_get_for_viewer(viewer=request.user, pk=pk, request=request)
    try:
        services.clinic_cancel(booking=booking, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The booking is cancelled. The clinic is free for others.")
    return redirect(booking)


@login_required
@require_GET
def booking_ics(request: HttpRequest, pk: int) -> HttpResponse:
    booking = perms.booking_get_for_viewer(viewer=request.user, pk=pk, request=request)
    response = HttpResponse(booking_calendar(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="advice-clinic.ics"'
    return response
