"""The "Get involved" queue in the API, for staff: the same permission checks as the pages, so
anyone else gets 404 (AZ-1)."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from copro.core.api_schemas import REFUSALS
from copro.frontdoor import permissions as perms
from copro.frontdoor import selectors

router = Router(tags=["get involved"], auth=django_auth)


class GetInvolvedOut(Schema):
    id: int
    name: str
    contact_method: str
    email: str
    phone: str
    postal_address: str
    what_i_bring: str
    areas: str
    access_needs: str
    call_back: bool
    status: str
    received_at: datetime
    called_at: datetime | None
    answered_at: datetime | None
    decline_reason: str
    person_id: int | None


@router.get(
    "/requests",
    response={200: list[GetInvolvedOut], **REFUSALS},
    summary="People who asked to get involved (staff)",
)
def request_list(request: HttpRequest):
    perms.staff_or_404(request.user, request)
    return selectors.get_involved_requests_visible(viewer=request.user).order_by("-received_at")[
        :500
    ]


@router.get(
    "/requests/{get_involved_id}",
    response={200: GetInvolvedOut, **REFUSALS},
    summary="One request to get involved (staff)",
)
def request_detail(request: HttpRequest, get_involved_id: int):
    return perms.get_involved_request_for_staff(
        viewer=request.user, pk=get_involved_id, request=request
    )
