"""Case study pages: browse, read, write, and compare two or three side by side."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from copro.community import permissions as perms
from copro.community import selectors, services
from copro.community.comparison import comparison_table
from copro.community.forms import CaseStudyForm, CompareForm, NewCaseStudyForm


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "community/case_studies_refused.html", status=403)


@require_GET
def case_study_list(request: HttpRequest) -> HttpResponse:
    case_studies = selectors.case_studies_for(viewer=request.user)
    if not perms.can_browse_case_studies(request.user) and not case_studies:
        return _refused(request)
    published = [c for c in case_studies if c.is_published]
    return render(
        request,
        "community/case_studies.html",
        {
            "case_studies": case_studies,
            "published": published,
            "form": CompareForm(case_studies=published),
            "can_write": perms.projects_for_new_case_study(viewer=request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_study_new(request: HttpRequest) -> HttpResponse:
    projects = perms.projects_for_new_case_study(viewer=request.user)
    if not request.user.is_council_staff:
        return _refused(request)
    form = NewCaseStudyForm(request.POST if request.method == "POST" else None, projects=projects)
    if request.method == "POST" and form.is_valid():
        try:
            case_study = services.case_study_save(
                project=form.cleaned_data["project"],
                by=request.user,
                fields=form.text_fields(),
                publish=form.publish,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _saved_message(case_study))
            return redirect(case_study)
    return render(
        request,
        "community/case_study_form.html",
        {"form": form, "heading": "Write a case study", "has_projects": projects.exists()},
    )


def _saved_message(case_study) -> str:
    if case_study.is_published:
        return "The case study is published: anyone can read it, without signing in."
    return "The case study is saved as a draft. Only you and the project's leads can see it."


@login_required
@require_http_methods(["GET", "POST"])
def case_study_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case_study = perms.case_study_get_for_editor(viewer=request.user, pk=pk, request=request)
    form = CaseStudyForm(
        request.POST if request.method == "POST" else None,
        initial=CaseStudyForm.initial_for(case_study),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_study_save(
                project=case_study.project,
                case_study=case_study,
                by=request.user,
                fields=form.text_fields(),
                publish=form.publish,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _saved_message(case_study))
            return redirect(case_study)
    return render(
        request,
        "community/case_study_form.html",
        {
            "form": form,
            "heading": "Change the case study",
            "case_study": case_study,
            "has_projects": True,
        },
    )


@require_GET
def case_study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        case_study = perms.case_study_get_for_viewer(viewer=request.user, pk=pk, request=request)
    except Http404:
        # Signed out: ask them to sign in, the same for a missing and a draft one (AZ-11).
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    return render(
        request,
        "community/case_study.html",
        {
            "view": selectors.case_study_view(case_study=case_study),
            "case_study": case_study,
            "can_edit": perms.can_write_case_study(viewer=request.user, project=case_study.project),
        },
    )


@require_GET
def case_study_compare(request: HttpRequest) -> HttpResponse:
    if not perms.can_browse_case_studies(request.user):
        return _refused(request)
    published = [c for c in selectors.case_studies_for(viewer=request.user) if c.is_published]
    form = CompareForm(request.GET if "ids" in request.GET else None, case_studies=published)
    table = None
    if form.is_valid():
        chosen = {c.pk: c for c in published}
        views = [
            selectors.case_study_view(case_study=chosen[pk]) for pk in form.cleaned_data["ids"]
        ]
        table = comparison_table(views, steps=selectors.staircase())
    return render(
        request,
        "community/compare.html",
        {"form": form, "table": table, "case_studies": published},
    )
