"""Safeguarding concerns in the API, for leads (every concern) and for the person who raised
one (theirs only). Everyone else gets an empty list and 404s; every opening is logged."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from copro.core.api_schemas import REFUSALS
from copro.safeguarding import permissions as perms
from copro.safeguarding import services

router = Router(tags=["safeguarding"], auth=django_auth)


class ConcernOut(Schema):
    id: int
    raised_at: datetime
    status: str


class ConcernDetailOut(ConcernOut):
    about: str
    what: str


@router.get("/concerns", response={200: list[ConcernOut], **REFUSALS}, summary="Concerns")
def concern_list(request: HttpRequest):
    lead = perms.is_lead(request.user)
    return perms.concerns_visible(viewer=request.user, lead=lead)[:200]


@router.get(
    "/concerns/{concern_id}", response={200: ConcernDetailOut, **REFUSALS}, summary="One concern"
)
def concern_detail(request: HttpRequest, concern_id: int):
    concern, _lead = perms.concern_get_for_viewer(
        viewer=request.user, pk=concern_id, request=request
    )
    services.concern_viewed(concern=concern, viewer=request.user, route="api")
    return concern
