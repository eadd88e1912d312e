"""Reads for the way in, scoped to the viewer."""

from django.db.models import QuerySet

from copro.frontdoor.models import GetInvolvedRequest
from copro.frontdoor.permissions import is_staff


def get_involved_requests_visible(*, viewer) -> QuerySet[GetInvolvedRequest]:
    """Staff see every request (they welcome people); nobody else sees any."""
    if not is_staff(viewer):
        return GetInvolvedRequest.objects.none()
    return GetInvolvedRequest.objects.select_related(
        "called_by", "answered_by", "invitation__accepted_user", "person"
    )


def get_involved_queue(*, viewer) -> dict:
    """Open requests oldest first, then the last 50 answered (1 query each)."""
    visible = get_involved_requests_visible(viewer=viewer)
    open_requests = list(
        visible.filter(status__in=GetInvolvedRequest.OPEN_STATUSES).order_by("received_at", "pk")
    )
    answered = list(
        visible.exclude(status__in=GetInvolvedRequest.OPEN_STATUSES).order_by("-answered_at")[:50]
    )
    return {"open_requests": open_requests, "answered": answered}
