"""Only designated safeguarding leads see concerns; the person who raised one sees that one
(what they wrote and that it is being dealt with) and nothing else. Everyone else gets 404,
whoever they are - administrators and project leads included (SAFE-1)."""

from django.db.models import QuerySet
from django.http import Http404

from copro.people.models import User
from copro.safeguarding.models import Concern, SafeguardingLead


def is_lead(viewer: User) -> bool:
    return viewer.is_authenticated and SafeguardingLead.objects.filter(user=viewer).exists()


def concerns_visible(*, viewer: User, lead: bool) -> QuerySet[Concern]:
    if lead:
        return Concern.objects.all()
    if not viewer.is_authenticated:
        return Concern.objects.none()
    return Concern.objects.filter(raised_by=viewer)


def concern_get_for_viewer(*, viewer: User, pk: int, request=None) -> tuple[Concern, bool]:
    lead = is_lead(viewer)
    concern = concerns_visible(viewer=viewer, lead=lead).select_related("raised_by").filter(pk=pk)
    found = concern.first()
    if found is None:
        if request is not None:
            request.refused_object_type = "concern"
        raise Http404
    return found, lead


def lead_required(viewer: User, request=None) -> None:
    if not is_lead(viewer):
        if request is not None:
            request.refused_object_type = "concern"
        raise Http404
