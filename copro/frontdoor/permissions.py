"""Who may see the staff queue. Anyone else gets 404, exactly like a request that does not
exist (AZ-1)."""

from django.http import Http404

from copro.frontdoor.models import GetInvolvedRequest


def is_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_council_staff)


def staff_or_404(user, request=None) -> None:
    if not is_staff(user):
        if request is not None:
            request.refused_object_type = "get_involved_request"
        raise Http404


def get_involved_request_for_staff(*, viewer, pk: int, request=None) -> GetInvolvedRequest:
    staff_or_404(viewer, request)
    found = GetInvolvedRequest.objects.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
