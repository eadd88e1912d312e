"""For people without email or the internet: a meeting's printable call list (who to phone)
and the paper pack for the people who asked for post. Only the meeting's organisers see them;
anyone else gets 404 (AZ-1), as on the meeting's own pages."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from copro.meetings import permissions as meeting_perms
from copro.meetings.models import Invitee
from copro.people.models.profile import AccessNeed, FormatNeed, Profile

BY_PHONE = (Profile.ContactMethod.PHONE, Profile.ContactMethod.TEXT)


def _invitees(meeting, methods):
    """The meeting's invitees who asked to be reached this way, with what they need (3 queries:
    invitees with their profiles, their access needs, their formats)."""
    return list(
        Invitee.objects.filter(meeting=meeting, user__profile__contact_method__in=methods)
        .select_related("user__profile")
        .prefetch_related(
            Prefetch("user__access_needs", queryset=AccessNeed.objects.order_by("need")),
            Prefetch("user__formats", queryset=FormatNeed.objects.order_by("format")),
        )
        .order_by("user__display_name", "pk")
    )


@login_required
@require_GET
def call_list(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    meeting = meeting_perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request
    )
    return render(
        request,
        "frontdoor/call_list.html",
        {"meeting": meeting, "invitees": _invitees(meeting, BY_PHONE)},
    )


@login_required
@require_GET
def paper_pack(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    meeting = meeting_perms.meeting_get_for_organiser(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request
    )
    return render(
        request,
        "frontdoor/paper_pack.html",
        {
            "meeting": meeting,
            "invitees": _invitees(meeting, [Profile.ContactMethod.POST]),
            "papers": list(meeting.papers.order_by("pk")),
        },
    )
