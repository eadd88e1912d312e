"""Papers: upload (size limited while the file arrives), download (only through here, always
as an attachment), and sending them to the people invited."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.core.uploads import limit_uploads
from copro.meetings import hosts, services, services_formats
from copro.meetings import permissions as perms
from copro.meetings.forms import PaperForm, PaperVersionForm
from copro.meetings.models import Paper, PaperVersion
from copro.meetings.selectors_formats import papers_for_viewer

log = logging.getLogger("copro.meetings")


@limit_uploads(settings.MEETING_PAPER_MAX_BYTES, field="file")
@login_required
@require_http_methods(["GET", "POST"])
def papers(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    posted = request.method == "POST"
    form = PaperForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        too_big=getattr(request, "upload_too_big", False),
    )
    if posted and form.is_valid():
        try:
            paper = services.paper_add(
                meeting=meeting,
                title=form.cleaned_data["title"],
                checked=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request,
                f"\u201c{paper.title}\u201d has been added. Send it when the papers are ready.",
            )
            return redirect(meeting.url("papers"))
    context = {
        "form": form,
        **hosts.host_context(meeting.host),
        "meeting": meeting,
        "papers": papers_for_viewer(meeting=meeting),
        "days_before": settings.PAPERS_DAYS_BEFORE,
    }
    return render(request, "meetings/papers.html", context)


@login_required
@require_POST
def papers_send(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    try:
        sent = services.papers_send(meeting=meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        count = len(sent)
        messages.success(
            request,
            f"{count} paper{'s have' if count != 1 else ' has'} been sent to the people invited.",
        )
    return redirect(meeting.url("papers"))


@login_required
@require_GET
def paper_download(
    request: HttpRequest, pk: int, meeting_pk: int, paper_pk: int, host: str = "project"
) -> HttpResponse:
    meeting, _invitee, _organiser = perms.meeting_get_for_viewer(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    paper = get_object_or_404(Paper, pk=paper_pk, meeting=meeting)
    try:
        handle = storages["default"].open(paper.stored_name, "rb")
    except OSError:
        log.error("paper file missing", extra={"event": "paper_missing", "paper_id": paper.pk})
        raise Http404 from None
    # Always a download, never shown in the browser, with the type we checked (FILE-2, FILE-3).
    response = FileResponse(
        handle, as_attachment=True, filename=paper.original_name, content_type=paper.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@limit_uploads(settings.MEETING_PAPER_MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def paper_version_add(
    request: HttpRequest, pk: int, meeting_pk: int, paper_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    paper = get_object_or_404(Paper, pk=paper_pk, meeting=meeting)
    posted = request.method == "POST"
    form = PaperVersionForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        too_big=getattr(request, "upload_too_big", False),
    )
    if posted and form.is_valid():
        try:
            version = services_formats.paper_version_add(
                paper=paper,
                format=form.cleaned_data["format"],
                language=form.cleaned_data["language"],
                checked=form.cleaned_data["file"],
                link=form.cleaned_data["link"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request, f"The {version.label} version of \u201c{paper.title}\u201d has been added."
            )
            return redirect(meeting.url("papers"))
    context = {**hosts.host_context(meeting.host), "meeting": meeting, "paper": paper, "form": form}
    return render(request, "meetings/paper_version_add.html", context)


@login_required
@require_POST
def large_print_make(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    made = services_formats.large_print_make_missing(meeting=meeting, by=request.user)
    count = len(made)
    messages.success(
        request,
        f"{count} large-print cop{'ies' if count != 1 else 'y'} made."
        if count
        else "No large-print copies could be made: upload a large-print version of each PDF.",
    )
    return redirect(meeting.url("access"))


@login_required
@require_GET
def paper_version_download(
    request: HttpRequest,
    pk: int,
    meeting_pk: int,
    paper_pk: int,
    version_pk: int,
    host: str = "project",
) -> HttpResponse:
    meeting, _invitee, _organiser = perms.meeting_get_for_viewer(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    version = get_object_or_404(
        PaperVersion.objects.exclude(stored_name=""),
        pk=version_pk,
        paper_id=paper_pk,
        paper__meeting=meeting,
    )
    try:
        handle = storages["default"].open(version.stored_name, "rb")
    except OSError:
        log.error("paper file missing", extra={"event": "paper_missing", "paper_id": paper_pk})
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
