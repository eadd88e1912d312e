"""Reports: a project's report (page, PDF, CSV of figures) and the organisation dashboard."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from copro.reports import permissions as perms
from copro.reports.dashboard import DashboardFilter, organisation_dashboard, service_areas
from copro.reports.exports import pdf_from_html, project_figures_csv
from copro.reports.project_report import project_report


def _report_for(request: HttpRequest, pk: int):
    """The report, or 404. Signed out: a missing and an unpublished project both ask the person
    to sign in, so neither gives anything away (AZ-11)."""
    try:
        project = perms.report_project_get(viewer=request.user, pk=pk, request=request)
    except Http404:
        if not request.user.is_authenticated:
            return None
        raise
    return project_report(project=project)


def _file_name(report, extension: str) -> str:
    return f"project-{report.project.pk}-report-{report.made_on:%Y-%m-%d}.{extension}"


@require_GET
def project_page(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if report is None:
        return redirect_to_login(request.get_full_path())
    return render(request, "reports/project.html", {"report": report})


@require_GET
def project_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if report is None:
        return redirect_to_login(request.get_full_path())
    html = render_to_string("reports/project_pdf.html", {"report": report})
    response = HttpResponse(pdf_from_html(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(report, "pdf")}"'
    return response


@require_GET
def project_csv(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if report is None:
        return redirect_to_login(request.get_full_path())
    response = HttpResponse(project_figures_csv(report), content_type="text/csv; charset=utf-8")
    name = _file_name(report, "csv").replace("report", "figures")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    perms.dashboard_check(viewer=request.user, request=request)
    form = DashboardFilter(request.GET or None, areas=service_areas())
    area = form.cleaned_data["service_area"] if form.is_valid() else ""
    context = {
        "form": form,
        "dashboard": organisation_dashboard(viewer=request.user, service_area=area),
    }
    return render(request, "reports/dashboard.html", context)
