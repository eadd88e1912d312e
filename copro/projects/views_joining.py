"""Asking to take part in a project, and the lead's answer: thin views over joining.py."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.projects import joining
from copro.projects import permissions as perms
from copro.projects.models import JoinRequest


class AskForm(forms.Form):
    message = forms.CharField(
        label="Why would you like to take part? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, what you know about this from your own life or work.",
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Why not, this time?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="They will read this. Be kind and plain, and say what else they could do.",
        error_messages={"required": "Write a kind, plain reason for them"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def join_ask(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    if perms.membership_of(viewer=request.user, project=project) is not None:
        messages.success(request, "You already take part in this project.")
        return redirect(project)
    form = AskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            joining.join_request_make(project=project, person=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                "You have asked to take part. The person who runs the project will answer you.",
            )
            return redirect(project)
    return render(request, "projects/join_ask.html", {"project": project, "form": form})


@login_required
@require_GET
def join_requests(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    return _lead_page(request, project)


def _lead_page(request, project, decline_form=None, failed_pk=None) -> HttpResponse:
    items = list(joining.join_requests_for_lead(viewer=request.user, project=project))
    waiting = [item for item in items if item.status == JoinRequest.Status.WAITING]
    answered = [item for item in items if item.status != JoinRequest.Status.WAITING][-20:]
    context = {
        "project": project,
        "waiting": waiting,
        "answered": answered,
        "decline_form": decline_form,
        "failed_pk": failed_pk,
    }
    return render(request, "projects/join_requests.html", context)


@login_required
@require_POST
def join_accept(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    item = joining.join_request_get_for_lead(viewer=request.user, project=project, pk=request_pk)
    try:
        joining.join_request_accept(request=item, by=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, f"{item.person.display_name} is now a member.")
    return redirect("projects:join_requests", project.pk)


@login_required
@require_POST
def join_decline(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    item = joining.join_request_get_for_lead(viewer=request.user, project=project, pk=request_pk)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            joining.join_request_decline(request=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, f"We have told {item.person.display_name} your answer.")
            return redirect("projects:join_requests", project.pk)
    if item.status != JoinRequest.Status.WAITING:
        raise Http404
    return _lead_page(request, project, decline_form=form, failed_pk=item.pk)


@login_required
@require_GET
def my_join_requests(request: HttpRequest) -> HttpResponse:
    items = list(joining.join_requests_mine(viewer=request.user).order_by("-asked_at")[:50])
    return render(request, "projects/my_join_requests.html", {"items": items})
