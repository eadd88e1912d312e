"""Profile, communication and access, availability and supporters.

Each page works for the person themselves (`/account/...`) and for someone acting for them
(`/account/for/<pk>/...`): a supporter with consent, or staff entering what was said on paper
or by phone. `person_to_act_for` decides, and answers 404 to anyone else.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.people import selectors, services
from copro.people.forms_profile import (
    AvailabilityForm,
    CommunicationForm,
    ProfileForm,
    SupporterForm,
    UnavailableDateForm,
)
from copro.people.models.support import Supporter
from copro.people.permissions import person_to_act_for, profile_person_get


def _here(name: str, person, viewer) -> str:
    if person.pk == viewer.pk:
        return reverse(f"accounts:{name}")
    return reverse(f"accounts:{name}_for", args=[person.pk])


def _show_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = person_to_act_for(viewer=request.user, pk=pk)
    profile = services.profile_for(person)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.profile_update(person=person, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _show_errors(form, error)
            else:
                messages.success(request, "The profile has been saved.")
                return redirect(_here("profile", person, request.user))
    else:
        form = ProfileForm(initial=selectors.profile_initial(person, profile))
    return render(request, "people/profile_edit.html", {"form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def communication_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = person_to_act_for(viewer=request.user, pk=pk)
    if request.method == "POST":
        form = CommunicationForm(request.POST)
        if form.is_valid():
            services.communication_update(person=person, by=request.user, **form.cleaned_data)
            messages.success(request, "How to contact you and what you need have been saved.")
            return redirect(_here("communication", person, request.user))
    else:
        form = CommunicationForm(initial=selectors.communication_initial(person))
    return render(request, "people/communication_edit.html", {"form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def availability_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = person_to_act_for(viewer=request.user, pk=pk)
    if request.method == "POST":
        form = AvailabilityForm(request.POST)
        if form.is_valid():
            services.availability_update(person=person, by=request.user, slots=form.chosen_slots())
            messages.success(request, "The times you can take part have been saved.")
            return redirect(_here("availability", person, request.user))
    else:
        form = AvailabilityForm(initial=AvailabilityForm.initial_for(person.available_slots.all()))
    dates = list(person.unavailable_dates.all())
    return render(
        request,
        "people/availability_edit.html",
        {"form": form, "person": person, "dates": dates, "date_form": UnavailableDateForm()},
    )


@login_required
@require_POST
def unavailable_date_add(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    person = person_to_act_for(viewer=request.user, pk=pk)
    date_form = UnavailableDateForm(request.POST)
    if date_form.is_valid():
        try:
            services.unavailable_date_add(
                person=person, by=request.user, date=date_form.cleaned_data["date"]
            )
        except ValidationError as error:
            _show_errors(date_form, error)
        else:
            messages.success(request, "The date has been added.")
            return redirect(_here("availability", person, request.user))
    form = AvailabilityForm(initial=AvailabilityForm.initial_for(person.available_slots.all()))
    return render(
        request,
        "people/availability_edit.html",
        {
            "form": form,
            "person": person,
            "dates": list(person.unavailable_dates.all()),
            "date_form": date_form,
        },
    )


@login_required
@require_POST
def unavailable_date_remove(request: HttpRequest, date_pk: int, pk: int | None = None):
    person = person_to_act_for(viewer=request.user, pk=pk)
    services.unavailable_date_remove(person=person, by=request.user, pk=date_pk)
    messages.success(request, "The date has been removed.")
    return redirect(_here("availability", person, request.user))


@login_required
@require_http_methods(["GET", "POST"])
def supporters(request: HttpRequest) -> HttpResponse:
    person = request.user
    form = SupporterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.supporter_add(
                person=person,
                supporter_email=form.cleaned_data["email"],
                relationship=form.cleaned_data["relationship"],
                by=request.user,
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, "They can now act for you.")
            return redirect("accounts:supporters")
    context = {
        "form": form,
        "current": selectors.supporters_current(person=person),
        "supporting": selectors.people_i_support(supporter=person),
    }
    return render(request, "people/supporters.html", context)


@login_required
@require_POST
def supporter_revoke(request: HttpRequest, supporter_pk: int) -> HttpResponse:
    try:
        services.supporter_revoke(person=request.user, pk=supporter_pk, by=request.user)
    except Supporter.DoesNotExist:
        raise Http404 from None
    messages.success(request, "They can no longer act for you.")
    return redirect("accounts:supporters")


@login_required
@require_GET
def profile_view(request: HttpRequest, pk: int) -> HttpResponse:
    """What another member chose to share about themselves."""
    person = profile_person_get(viewer=request.user, pk=pk)
    shared = selectors.profile_shared(person)
    return render(request, "people/profile_view.html", {"person": person, "shared": shared})
