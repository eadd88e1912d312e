"""Reports: a project's report (page, PDF, CSV of figures) and the organisation dashboard."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods

from copro.reports import permissions as perms
from copro.reports import schedules
from copro.reports.dashboard import DashboardFilter, organisation_dashboard, service_areas
from copro.reports.exports import dashboard_csv_text, pdf_from_html, project_figures_csv
from copro.reports.forms import ScheduleEditForm, ScheduleForm
from copro.reports.periods import period_from_key
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


def _dashboard_for(request: HttpRequest):
    form = DashboardFilter(request.GET or None, areas=service_areas())
    area, period_key = form.chosen()
    dashboard = organisation_dashboard(
        viewer=request.user, service_area=area, period=period_from_key(period_key)
    )
    query = urlencode({k: v for k, v in (("service_area", area), ("period", period_key)) if v})
    return form, dashboard, query


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    perms.dashboard_check(viewer=request.user, request=request)
    form, data, query = _dashboard_for(request)
    return render(
        request, "reports/dashboard.html", {"form": form, "dashboard": data, "query": query}
    )


def _csv_response(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    perms.dashboard_check(viewer=request.user, request=request)
    _form, data, _query = _dashboard_for(request)
    return _csv_response(dashboard_csv_text(data), f"dashboard-{data.made_on:%Y-%m-%d}.csv")


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    """For anyone: the council's figures, aggregate, small numbers suppressed. No filters, so
    there is nothing to compare."""
    data = organisation_dashboard(viewer=AnonymousUser())
    return _csv_response(
        dashboard_csv_text(data, public=True), f"open-data-{data.made_on:%Y-%m-%d}.csv"
    )


# --- Scheduled reports ------------------------------------------------------------------------


def _signed_in_scheduler(request: HttpRequest):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    schedules.schedule_check(viewer=request.user, request=request)
    return None


@require_GET
def schedule_list(request: HttpRequest) -> HttpResponse:
    if (refused := _signed_in_scheduler(request)) is not None:
        return refused
    items = schedules.schedules_visible(viewer=request.user).order_by("stopped_at", "-created_at")
    return render(request, "reports/schedules.html", {"schedules": items})


@require_http_methods(["GET", "POST"])
def schedule_new(request: HttpRequest) -> HttpResponse:
    if (refused := _signed_in_scheduler(request)) is not None:
        return refused
    form = ScheduleForm(request.POST or None, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        schedule = schedules.schedule_create(
            by=request.user,
            project=form.cleaned_data["report"],
            frequency=form.cleaned_data["frequency"],
            recipients=form.cleaned_data["recipients"],
        )
        messages.success(request, "The report will be sent on this schedule.")
        return redirect(schedule)
    return render(request, "reports/schedule_form.html", {"form": form, "schedule": None})


@require_GET
def schedule_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if (refused := _signed_in_scheduler(request)) is not None:
        return refused
    schedule = schedules.schedule_get_for_viewer(viewer=request.user, pk=pk, request=request)
    sends = schedule.sends.all()[:100]
    return render(request, "reports/schedule.html", {"schedule": schedule, "sends": sends})


@require_http_methods(["GET", "POST"])
def schedule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if (refused := _signed_in_scheduler(request)) is not None:
        return refused
    schedule = schedules.schedule_get_for_viewer(viewer=request.user, pk=pk, request=request)
    initial = {"frequency": schedule.frequency, "recipients": "\n".join(schedule.recipients)}
    form = ScheduleEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        schedules.schedule_update(
            schedule=schedule,
            by=request.user,
            frequency=form.cleaned_data["frequency"],
            recipients=form.cleaned_data["recipients"],
        )
        messages.success(request, "Your changes are saved.")
        return redirect(schedule)
    return render(request, "reports/schedule_form.html", {"form": form, "schedule": schedule})


@require_http_methods(["GET", "POST"])
def schedule_stop(request: HttpRequest, pk: int) -> HttpResponse:
    if (refused := _signed_in_scheduler(request)) is not None:
        return refused
    schedule = schedules.schedule_get_for_viewer(viewer=request.user, pk=pk, request=request)
    if request.method == "POST":
        schedules.schedule_stop(schedule=schedule, by=request.user)
        messages.success(request, "The report will not be sent again.")
        return redirect(schedule)
    return render(request, "reports/schedule_stop.html", {"schedule": schedule})
