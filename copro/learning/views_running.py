"""Pages for the people who run training (ambassadors and council staff): schedule, change and
cancel sessions, add walk-ins, and keep the toolkit - without the admin site (issue 17)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.learning import permissions as perms
from copro.learning import services_running as services
from copro.learning.forms_running import (
    CancelSessionForm,
    SessionForm,
    ToolkitEntryForm,
    WalkInForm,
)
from copro.learning.models import ToolkitEntry


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _session_fields(form: SessionForm, user) -> dict:
    fields = {k: form.cleaned_data[k] for k in services.SESSION_FIELDS if k in form.cleaned_data}
    fields.setdefault("ambassador", user)
    fields["online_link"] = fields.get("online_link") or ""
    return fields


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest) -> HttpResponse:
    perms.require_trainer(request.user, request)
    staff = request.user.is_council_staff
    form = SessionForm(request.POST if request.method == "POST" else None, staff=staff)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_schedule(
                by=request.user, **_session_fields(form, request.user)
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The session is scheduled. People can book it now.")
            return redirect(session)
    return render(request, "learning/session_form.html", {"form": form, "session": None})


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.session_get_for_runner(viewer=request.user, pk=pk, request=request)
    staff = request.user.is_council_staff
    initial = {k: getattr(session, k) for k in services.SESSION_FIELDS}
    form = SessionForm(
        request.POST if request.method == "POST" else None, staff=staff, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        fields = _session_fields(form, session.ambassador)
        try:
            services.session_change(session=session, by=request.user, **fields)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The session is changed. Everyone booked has been told.")
            return redirect(session)
    return render(request, "learning/session_form.html", {"form": form, "session": session})


@login_required
@require_http_methods(["GET", "POST"])
def session_call_off(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.session_get_for_runner(viewer=request.user, pk=pk, request=request)
    form = CancelSessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_cancel(
                session=session, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The session is cancelled. Everyone booked has been told.")
            return redirect("learning:sessions_run")
    return render(request, "learning/session_call_off.html", {"form": form, "session": session})


@login_required
@require_http_methods(["GET", "POST"])
def walk_in(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.session_get_for_runner(viewer=request.user, pk=pk, request=request)
    form = WalkInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.walk_in_add(
                session=session, email=form.cleaned_data["email"], by=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"{booking.person.display_name} is on the register.")
            return redirect("learning:manage", session.pk)
    return render(request, "learning/walk_in.html", {"form": form, "session": session})


@login_required
@require_GET
def toolkit_manage(request: HttpRequest) -> HttpResponse:
    perms.require_trainer(request.user, request)
    entries = list(ToolkitEntry.objects.order_by("-is_published", "order", "title"))
    return render(request, "learning/toolkit_manage.html", {"entries": entries})


@login_required
@require_http_methods(["GET", "POST"])
def toolkit_new(request: HttpRequest) -> HttpResponse:
    perms.require_trainer(request.user, request)
    return _toolkit_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def toolkit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = perms.toolkit_entry_get_for_manager(viewer=request.user, pk=pk, request=request)
    return _toolkit_form(request, entry)


def _toolkit_form(request: HttpRequest, entry: ToolkitEntry | None) -> HttpResponse:
    form = ToolkitEntryForm(request.POST if request.method == "POST" else None, instance=entry)
    if request.method == "POST" and form.is_valid():
        fields = {k: form.cleaned_data[k] for k in services.TOOLKIT_FIELDS}
        try:
            services.toolkit_entry_save(by=request.user, entry=entry, **fields)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The toolkit item is saved and in the toolkit.")
            return redirect("learning:toolkit_manage")
    return render(request, "learning/toolkit_form.html", {"form": form, "entry": entry})


@login_required
@require_POST
def toolkit_retire(request: HttpRequest, pk: int) -> HttpResponse:
    entry = perms.toolkit_entry_get_for_manager(viewer=request.user, pk=pk, request=request)
    services.toolkit_entry_retire(entry=entry, by=request.user)
    messages.success(request, f"{entry.title} is taken out of the toolkit.")
    return redirect("learning:toolkit_manage")
