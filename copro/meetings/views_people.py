"""Invitations, replies, access needs and arrangements, and attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.meetings import hosts, selectors, services
from copro.meetings import permissions as perms
from copro.meetings.forms import (
    ArrangementForm,
    AttendanceForm,
    InviteForm,
    MeetingNeedForm,
    ReplyForm,
)
from copro.meetings.models import Arrangement
from copro.meetings.selectors_formats import format_checklist

WAITING_LIST_MESSAGE = (
    "Sorry, the meeting is full. You are on the waiting list, and if a place comes free it "
    "will be yours. You will see it here."
)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    form = InviteForm(request.POST if request.method == "POST" else None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            invited = services.invitees_add(
                meeting=meeting, users=list(form.cleaned_data["people"]), by=request.user
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            count = len(invited)
            messages.success(
                request, f"{count} {'person has' if count == 1 else 'people have'} been invited."
            )
            return redirect(meeting)
    return render(
        request,
        "meetings/invite.html",
        {
            "form": form,
            **hosts.host_context(meeting.host),
            "meeting": meeting,
            "heading": "Invite people",
            "button": "Send the invitations",
        },
    )


@login_required
@require_POST
def reply(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    meeting, invitee = perms.meeting_get_for_invitee(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            saved = services.invitation_reply(
                invitee=invitee, reply=form.cleaned_data["reply"], by=request.user
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            if saved.on_waiting_list:
                messages.warning(request, WAITING_LIST_MESSAGE)
            else:
                messages.success(request, "Thank you. Your reply has been saved.")
            return redirect(meeting)
    context = {
        **hosts.host_context(meeting.host),
        "meeting": meeting,
        "invitee": invitee,
        "organiser": perms.may_organise(viewer=request.user, meeting=meeting),
        "reply_form": form,
    }
    context.update(
        selectors.meeting_page(meeting=meeting, invitee=invitee, organiser=context["organiser"])
    )
    return render(request, "meetings/detail.html", context)


@login_required
@require_POST
def sign_up(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    """Take a place at an open event (or a place on its waiting list)."""
    meeting, _invitee, _organiser = perms.meeting_get_for_viewer(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    try:
        saved = services.event_sign_up(meeting=meeting, user=request.user, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if saved.on_waiting_list:
            messages.warning(request, WAITING_LIST_MESSAGE)
        else:
            messages.success(request, "You have a place. We look forward to seeing you.")
    return redirect(meeting)


@login_required
@require_http_methods(["GET", "POST"])
def needs(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    meeting, invitee = perms.meeting_get_for_invitee(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    form = MeetingNeedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_need_add(invitee=invitee, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Thank you. The organiser will arrange it and let you know.")
            return redirect(meeting.url("needs"))
    context = {
        "form": form,
        **hosts.host_context(meeting.host),
        "meeting": meeting,
        "arrangements": list(invitee.arrangements.all()),
    }
    return render(request, "meetings/needs.html", context)


@login_required
@require_http_methods(["GET"])
def access(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    context = {
        **hosts.host_context(meeting.host),
        "meeting": meeting,
        "statuses": Arrangement.Status.choices,
        **selectors.checklist(meeting=meeting),
        "formats": format_checklist(meeting=meeting),
    }
    return render(request, "meetings/access.html", context)


@login_required
@require_POST
def access_refresh(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    added = services.arrangements_sync(meeting=meeting)
    messages.success(
        request, f"The checklist is up to date: {added} new line{'s' if added != 1 else ''}."
    )
    return redirect(meeting.url("access"))


@login_required
@require_POST
def access_update(
    request: HttpRequest, pk: int, meeting_pk: int, line_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    line = get_object_or_404(Arrangement, pk=line_pk, meeting=meeting)
    form = ArrangementForm(request.POST)
    if form.is_valid():
        try:
            services.arrangement_update(arrangement=line, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{line.label}: {line.get_status_display().lower()}.")
    else:
        messages.error(request, "Choose how far it has been arranged.")
    return redirect(meeting.url("access"))


@login_required
@require_http_methods(["GET", "POST"])
def attendance(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    invitees = list(meeting.invitees.select_related("user").order_by("user__display_name"))
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        meeting=meeting,
        invitees=invitees,
        existing=list(meeting.attendance.all()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, entries=form.entries(), by=request.user)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Attendance has been saved.")
            return redirect(meeting)
    return render(
        request,
        "meetings/attendance.html",
        {
            "form": form,
            **hosts.host_context(meeting.host),
            "meeting": meeting,
            "invitees": invitees,
            "heading": "Who came",
            "button": "Save attendance",
        },
    )
