"""The way in: public pages and the staff queue. Thin views: permission getter, form, one
service, redirect (POST/redirect/GET)."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.core.net import client_ip
from copro.frontdoor import permissions as perms
from copro.frontdoor import selectors, services
from copro.frontdoor.forms import (
    CallForm,
    ConsentForm,
    DeclineForm,
    GetInvolvedForm,
    PersonWithoutEmailForm,
)

log = logging.getLogger("copro.frontdoor")


@require_GET
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/contact.html")


@require_http_methods(["GET", "POST"])
def get_involved(request: HttpRequest) -> HttpResponse:
    form = GetInvolvedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.pop("website"):
            # A program filled the field people never see: say thank you, keep nothing.
            log.info("get involved honeypot", extra={"event": "get_involved_honeypot"})
            return redirect("frontdoor:get_involved_sent")
        data["call_back"] = data["call_back"] == "yes"
        try:
            services.get_involved_submit(ip=client_ip(request), **data)
        except services.TooManyRequests:
            return render(request, "frontdoor/too_many.html", status=429)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            return redirect("frontdoor:get_involved_sent")
    return render(request, "frontdoor/get_involved.html", {"form": form})


@require_GET
def get_involved_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "frontdoor/get_involved_sent.html")


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    perms.staff_or_404(request.user, request)
    return render(
        request, "frontdoor/queue.html", selectors.get_involved_queue(viewer=request.user)
    )


def _detail(request, item, **forms) -> HttpResponse:
    context = {
        "item": item,
        "call_form": CallForm(),
        "decline_form": DeclineForm(),
        "consent_form": ConsentForm(),
        **forms,
    }
    return render(request, "frontdoor/request.html", context)


@login_required
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = perms.get_involved_request_for_staff(viewer=request.user, pk=pk, request=request)
    return _detail(request, item)


@login_required
@require_POST
def request_call(request: HttpRequest, pk: int) -> HttpResponse:
    item = perms.get_involved_request_for_staff(viewer=request.user, pk=pk, request=request)
    form = CallForm(request.POST)
    if form.is_valid():
        try:
            services.request_record_call(request=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The welcome call has been recorded.")
            return redirect("frontdoor:request", item.pk)
    return _detail(request, item, call_form=form)


@login_required
@require_POST
def request_invite(request: HttpRequest, pk: int) -> HttpResponse:
    item = perms.get_involved_request_for_staff(viewer=request.user, pk=pk, request=request)
    try:
        services.request_invite(request=item, by=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, f"We have emailed {item.name} an invitation to join.")
    return redirect("frontdoor:request", item.pk)


@login_required
@require_POST
def request_record(request: HttpRequest, pk: int) -> HttpResponse:
    item = perms.get_involved_request_for_staff(viewer=request.user, pk=pk, request=request)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            person = services.request_record_without_email(
                request=item, consent=form.cleaned_data["consent"], by=request.user
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, f"A record has been made for {person.display_name}.")
            return redirect("frontdoor:request", item.pk)
    return _detail(request, item, consent_form=form)


@login_required
@require_POST
def request_decline(request: HttpRequest, pk: int) -> HttpResponse:
    item = perms.get_involved_request_for_staff(viewer=request.user, pk=pk, request=request)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.request_decline(request=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The request has been declined.")
            return redirect("frontdoor:queue")
    return _detail(request, item, decline_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def person_new(request: HttpRequest) -> HttpResponse:
    """Staff make a record for someone without email or the internet, with their consent."""
    perms.staff_or_404(request.user, request)
    form = PersonWithoutEmailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create_without_email(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                f"A record has been made for {person.display_name}. Add them to projects "
                "and meetings as you would anyone else.",
            )
            return redirect("accounts:person", person.pk)
    return render(request, "frontdoor/person_new.html", {"form": form})


@login_required
@require_POST
def welcome_skip(request: HttpRequest) -> HttpResponse:
    services.welcome_skip(person=request.user)
    return redirect("core:home")
