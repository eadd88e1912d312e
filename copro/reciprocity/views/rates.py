"""The rate card: everyone signed in can read it; only administrators change it (AZ-5)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from copro.core.forms import errors_to_form
from copro.reciprocity import policy, selectors, services
from copro.reciprocity.forms import ActivityTypeForm, RateForm


@login_required
@require_GET
def rate_card(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.SEE_RATE_CARD)
    context = {
        "lines": selectors.rate_card(),
        "can_edit": policy.allowed(request.user, policy.EDIT_RATE_CARD),
        "today": timezone.localdate(),
    }
    return render(request, "reciprocity/rate_card.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def rate_new(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.EDIT_RATE_CARD)
    form = RateForm(
        request.POST if request.method == "POST" else None,
        initial={"effective_from": timezone.localdate(), "pay_basis": "per_hour"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rate_set(
                activity_type=data["activity_type"],
                effective_from=data["effective_from"],
                pay_basis=data["pay_basis"],
                pay_pence=data["pay"],
                credits_per_hour=data["credits_per_hour"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error, {"pay_pence": "pay"})
        else:
            messages.success(request, "The new rate has been saved.")
            return redirect("reciprocity:rates")
    context = {"form": form, "heading": "Set a new rate", "button": "Save the rate"}
    return render(request, "reciprocity/staff_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def activity_new(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.EDIT_RATE_CARD)
    form = ActivityTypeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_type_add(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error, {"code": "name"})
        else:
            messages.success(request, "The activity has been added. Now set its rate.")
            return redirect("reciprocity:rate_new")
    context = {"form": form, "heading": "Add an activity", "button": "Add it"}
    return render(request, "reciprocity/staff_form.html", context)
