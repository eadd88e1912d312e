"""Pages for the members' own word. Thin views: the permission getter, the form, one service,
then redirect (POST/redirect/GET)."""

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from copro.core.forms import errors_to_form
from copro.projects import permissions as project_perms
from copro.projects import services as project_services
from copro.projects.models import Contribution
from copro.voice import permissions as perms
from copro.voice import selectors, services
from copro.voice.experience import experience_signal
from copro.voice.forms import (
    CheckInForm,
    IdeaForSomeoneForm,
    MeasureForm,
    OutcomeForm,
    RecordAnswerForm,
    ResolveForm,
    VerdictForm,
)
from copro.voice.models import Outcome


@login_required
@require_GET
def records_home(request: HttpRequest) -> HttpResponse:
    """Records to confirm: the viewer's own, then those of people they support with consent."""
    context = {
        "groups": selectors.records_to_confirm(viewer=request.user),
        "check_ins": selectors.checkins_due(viewer=request.user),
    }
    return render(request, "voice/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_answer(request: HttpRequest, kind: str, record_pk: int) -> HttpResponse:
    item = perms.record_get_for_person(
        viewer=request.user, kind=kind, pk=record_pk, request=request
    )
    form = RecordAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["answer"] == "yes":
                services.record_confirm(item=item, by=request.user)
                messages.success(request, "Thank you. You have confirmed this record.")
            else:
                services.record_contest(
                    item=item, reason=form.cleaned_data["reason"], by=request.user
                )
                messages.success(
                    request, "Thank you. The project will check it. It does not count for now."
                )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            return redirect("voice:home")
    context = {"item": item, "form": form, "for_someone": item.person_id != request.user.pk}
    return render(request, "voice/record.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def answer_verdict(request: HttpRequest, contribution_pk: int) -> HttpResponse:
    contribution = Contribution.objects.select_related("project").filter(pk=contribution_pk).first()
    if contribution is None or not perms.may_answer_for(
        viewer=request.user, person_id=contribution.raised_by_id
    ):
        raise Http404
    form = VerdictForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_verdict_give(
                contribution=contribution, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Thank you. The project can see what you said.")
            return redirect("voice:home")
    return render(request, "voice/verdict.html", {"contribution": contribution, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    project, membership = project_perms.project_get_for_member(
        viewer=request.user, pk=pk, request=request
    )
    form = CheckInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.checkin_submit(
                membership=membership, answers=form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Thank you. Only totals are ever shown, never your answers.")
            return redirect("voice:home")
    return render(request, "voice/check_in.html", {"project": project, "form": form})


@login_required
@require_GET
def project_records(request: HttpRequest, pk: int) -> HttpResponse:
    """For whoever runs the project and administrators: records questioned, how the evidence
    was entered, what people say in check-ins (added up), and the full history."""
    project = perms.project_get_for_auditor(viewer=request.user, pk=pk, request=request)
    still_open, left_out = selectors.contested_for_project(project=project)
    context = {
        "project": project,
        "still_open": still_open,
        "left_out": left_out,
        "counts": selectors.provenance_counts(project=project),
        "experience": selectors.checkin_aggregate(project=project),
        "experience_signal": experience_signal(SimpleNamespace(project=project), {}),
        "history": selectors.history_for_project(project=project),
    }
    return render(request, "voice/project_records.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def resolve(request: HttpRequest, pk: int, kind: str, record_pk: int) -> HttpResponse:
    project = perms.project_get_for_auditor(viewer=request.user, pk=pk, request=request)
    item = perms.contested_get_for_auditor(project=project, kind=kind, pk=record_pk)
    form = ResolveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_resolve(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Done. The history keeps what they said and what you did.")
            return redirect("voice:project_records", project.pk)
    return render(request, "voice/resolve.html", {"project": project, "item": item, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    can_manage = project_perms.can_manage(viewer=request.user, project=project)
    if request.method == "POST" and not can_manage:
        raise Http404
    form = OutcomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.outcome_add(project=project, by=request.user, **form.cleaned_data)
        messages.success(request, "The outcome has been added.")
        return redirect("voice:outcomes", project.pk)
    context = {
        "project": project,
        "outcomes": selectors.outcomes_for(project=project),
        "can_manage": can_manage,
        "form": form if can_manage else None,
    }
    return render(request, "voice/outcomes.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def measure_add(request: HttpRequest, pk: int, outcome_pk: int) -> HttpResponse:
    project = project_perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    outcome = get_object_or_404(Outcome, pk=outcome_pk, project=project)
    form = MeasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.outcome_measure_add(outcome=outcome, by=request.user, **form.cleaned_data)
        messages.success(request, "The measure has been added.")
        return redirect("voice:outcomes", project.pk)
    context = {"project": project, "outcome": outcome, "form": form}
    return render(request, "voice/measure_add.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def idea_for_someone(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff type in an idea someone gave on paper, by phone or in person: marked so wherever
    it shows, and counted only once the person confirms it."""
    project = project_perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    form = IdeaForSomeoneForm(request.POST if request.method == "POST" else None, project=project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project_services.contribution_raise(
                project=project,
                member=data["member"],
                kind=data["kind"],
                text=data["text"],
                how=data["how"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                "Their idea has been recorded, marked as entered by you. We will ask "
                "them to confirm it.",
            )
            return redirect("projects:you_said", project.pk)
    return render(request, "voice/idea_for_someone.html", {"project": project, "form": form})
