"""Calendar files: one meeting's .ics for someone who may see it, and a private feed of a
person's meetings for their calendar app, reached by a secret address instead of a sign-in."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from copro.meetings import permissions as perms
from copro.meetings import services
from copro.meetings.ics import meetings_calendar
from copro.meetings.models import CalendarFeed, Invitee

FEED_DAYS_BACK = 90
SESSION_KEY_NEW_FEED = "meetings_new_feed_token"  # noqa: S105 (a session key name)


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
@require_GET
def meeting_ics(
    request: HttpRequest, pk: int, meeting_pk: int, host: str = "project"
) -> HttpResponse:
    meeting, _invitee, _organiser = perms.meeting_get_for_viewer(
        viewer=request.user, host_pk=pk, pk=meeting_pk, request=request, host=host
    )
    return _calendar_response(meetings_calendar([meeting], name=meeting.title), "meeting.ics")


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            services.calendar_feed_revoke(user=request.user)
            messages.success(request, "Your calendar link has been switched off.")
        else:
            request.session[SESSION_KEY_NEW_FEED] = services.calendar_feed_create(user=request.user)
        return redirect("meetings:calendar")
    token = request.session.pop(SESSION_KEY_NEW_FEED, None)
    # The configured address, never the Host header (CFG-5).
    feed_url = settings.SITE_URL + reverse("meetings:feed", args=[token]) if token else None
    context = {
        "feed": CalendarFeed.objects.filter(user=request.user).first(),
        "feed_url": feed_url,
    }
    return render(request, "meetings/calendar.html", context)


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the secret address is the key. A wrong or switched-off address is a 404, and
    the feed holds only meetings the person may see now (AZ-7, AZ-13)."""
    row = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=services.feed_token_hash(token), user__is_active=True)
        .first()
    )
    if row is None:
        raise Http404
    since = timezone.now() - timedelta(days=FEED_DAYS_BACK)
    coming = (
        Invitee.objects.filter(user=row.user).exclude(reply=Invitee.Reply.NO).values("meeting_id")
    )
    meetings = list(
        perms.meeting_list_visible(viewer=row.user)
        .filter(pk__in=coming, starts_at__gte=since)
        .select_related("project", "group", "venue")
        .order_by("starts_at")
    )
    return _calendar_response(
        meetings_calendar(meetings, name="Working Together meetings"), "working-together.ics"
    )
