"""The evidence page (anyone who may see the project) and the self-assessment (members only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from copro.core.provenance import late_days
from copro.projects import permissions as perms
from copro.projects.assessment import QUESTIONS, self_assessment_latest, self_assessment_record
from copro.projects.evidence.placement import placement_trend, project_evidence
from copro.projects.evidence.rules import RULES_VERSION
from copro.projects.evidence.thresholds import thresholds
from copro.projects.forms_assessment import SelfAssessmentForm


@require_GET
def evidence_page(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    except Http404:
        # Signed out: ask them to sign in, the same for a missing and a private project (AZ-11).
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    context = {
        "project": project,
        "evidence": project_evidence(project=project),
        "trend": placement_trend(project=project),
        "membership": perms.membership_of(viewer=request.user, project=project),
    }
    return render(request, "projects/evidence/page.html", context)


@require_GET
def method(request: HttpRequest) -> HttpResponse:
    """How the step is worked out, in plain English, for anyone (no sign-in, no project)."""
    limits = thresholds()
    context = {
        "rules_version": RULES_VERSION,
        "limits": limits,
        "pct": {key: round(value * 100) for key, value in limits.items() if value <= 1},
        "late_days": late_days(),
    }
    return render(request, "projects/evidence/method.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def self_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    project, membership = perms.project_get_for_member(viewer=request.user, pk=pk, request=request)
    latest = self_assessment_latest(project=project, user=request.user)
    form = SelfAssessmentForm(
        request.POST if request.method == "POST" else None,
        initial=latest.answers if latest else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            self_assessment_record(project=project, membership=membership, answers=form.answers())
        except ValidationError as error:
            form.add_error(None, error)  # each message goes beside its question
        else:
            messages.success(request, "Thank you. Your view has been saved.")
            return redirect("evidence:page", project.pk)
    context = {
        "project": project,
        "form": form,
        "latest": latest,
        "question_count": len(QUESTIONS),
    }
    return render(request, "projects/evidence/self_assessment.html", context)
