"""Meeting pages. Each view: get the object through a permission getter, validate, call one
service, redirect (POST/redirect/GET)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.framework.models import NetworkGroup
from copro.meetings import hosts, selectors, services
from copro.meetings import permissions as perms
from copro.meetings.forms import AgendaItemForm, CancelForm, MeetingForm, NotesForm, ReplyForm
from copro.meetings.models import AgendaItem, Invitee, Meeting
from copro.meetings.scheduling import DAY_NAMES, PARTS


@login_required
@require_GET
def my_meetings(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    visible = perms.meeting_list_visible(viewer=request.user).filter(starts_at__gte=now)
    mine = visible.filter(Q(invitees__user=request.user) | Q(open_to_all=False)).distinct()
    meetings = list(mine.select_related("project", "group", "venue").order_by("starts_at")[:50])
    groups = list(
        NetworkGroup.objects.all()
        if perms.may_organise_group_meetings(request.user)
        else NetworkGroup.objects.filter(memberships__user=request.user).distinct()
    )
    return render(request, "meetings/mine.html", {"meetings": meetings, "groups": groups})


@login_required
@require_GET
def open_events(request: HttpRequest) -> HttpResponse:
    """Open events coming up: anyone signed in can see them and sign up."""
    events = list(
        Meeting.objects.filter(open_to_all=True, starts_at__gte=timezone.now())
        .select_related("project", "group", "venue")
        .annotate(
            coming=Count("invitees", filter=Q(invitees__reply=Invitee.Reply.YES)),
            signed_up=Count("invitees", filter=Q(invitees__user=request.user)),
        )
        .order_by("starts_at")[:50]
    )
    return render(request, "meetings/events.html", {"events": events})


@login_required
@require_GET
def host_meetings(request: HttpRequest, pk: int, host: str = perms.PROJECT) -> HttpResponse:
    owner = perms.host_get_for_meetings(viewer=request.user, host=host, pk=pk, request=request)
    if host == perms.GROUP:
        can_organise = perms.may_organise_group_meetings(request.user)
    else:
        can_organise = perms.can_manage(viewer=request.user, project=owner)
    context = {
        **hosts.host_context(owner),
        "can_organise": can_organise,
        "day_names": DAY_NAMES,
        "parts": PARTS,
        **selectors.host_meetings(host=owner),
    }
    return render(request, "meetings/project_meetings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_plan(request: HttpRequest, pk: int, host: str = perms.PROJECT) -> HttpResponse:
    owner = perms.host_get_for_organiser(viewer=request.user, host=host, pk=pk, request=request)
    initial = {
        "duration_minutes": 90,
        "date": request.GET.get("date"),
        "start_time": request.GET.get("time"),
    }
    form = MeetingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_plan(
                **{host: owner}, by=request.user, **form.meeting_fields()
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(
                request, "The meeting has been planned. Now add the agenda and invite people."
            )
            return redirect(meeting)
    return render(
        request,
        "meetings/plan.html",
        {
            "form": form,
            **hosts.host_context(owner),
            "heading": "Plan a meeting",
            "button": "Plan the meeting",
        },
    )


@login_required
@require_GET
def meeting_detail(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting, invitee, organiser = perms.meeting_get_for_viewer(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    context = {
        **hosts.host_context(meeting.host),
        "meeting": meeting,
        "invitee": invitee,
        "organiser": organiser,
        "reply_form": ReplyForm(initial={"reply": invitee.reply}) if invitee else None,
        **selectors.meeting_page(meeting=meeting, invitee=invitee, organiser=organiser),
    }
    return render(request, "meetings/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_change(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    form = MeetingForm(
        request.POST if request.method == "POST" else None, initial=MeetingForm.initial_for(meeting)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, by=request.user, **form.meeting_fields())
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The meeting has been changed.")
            return redirect(meeting)
    return render(
        request,
        "meetings/change.html",
        {
            "form": form,
            **hosts.host_context(meeting.host),
            "meeting": meeting,
            "heading": "Change the meeting",
            "button": "Save the changes",
            "cancel_url": meeting.url("cancel"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    form = AgendaItemForm(request.POST if request.method == "POST" else None, host=meeting.host)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The item has been added to the agenda.")
            return redirect(meeting.url("agenda"))
    context = {
        **hosts.host_context(meeting.host),
        "meeting": meeting,
        "form": form,
        **selectors.meeting_page(meeting=meeting, invitee=None, organiser=False),
    }
    return render(request, "meetings/agenda.html", context)


@login_required
@require_POST
def agenda_remove(
    request: HttpRequest, pk: int, meeting_pk: int, item_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    services.agenda_item_remove(item=item, by=request.user)
    messages.success(request, "The item has been taken off the agenda.")
    return redirect(meeting.url("agenda"))


@login_required
@require_http_methods(["GET", "POST"])
def notes(request: HttpRequest, pk: int, meeting_pk: int, host: str = "project") -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    form = NotesForm(
        request.POST if request.method == "POST" else None,
        project=meeting.project,
        initial={"notes": meeting.notes, "decisions": list(meeting.decisions.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_notes_save(
                meeting=meeting,
                notes=form.cleaned_data["notes"],
                decisions=list(form.cleaned_data.get("decisions", [])),
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The notes have been saved.")
            return redirect(meeting)
    return render(
        request,
        "meetings/notes.html",
        {
            "form": form,
            **hosts.host_context(meeting.host),
            "meeting": meeting,
            "heading": "Notes and decisions",
            "button": "Save the notes",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting = perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(
                meeting=meeting, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The meeting is cancelled. Everyone invited is being told.")
            return redirect(meeting)
    return render(
        request,
        "meetings/cancel.html",
        {
            "form": form,
            **hosts.host_context(meeting.host),
            "meeting": meeting,
            "heading": "Cancel the meeting",
            "button": "Cancel the meeting",
        },
    )
