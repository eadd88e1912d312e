"""Requests to take part in a project, in the API: each person sees their own, and whoever runs
a project sees the requests to join it. Anyone else's request answers 404 (AZ-1)."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.security import django_auth

from copro.core.api_schemas import REFUSALS, WRITE_REFUSALS, Problem
from copro.projects import joining
from copro.projects import permissions as perms
from copro.projects.models import JoinRequest

router = Router(tags=["projects"], auth=django_auth)


class JoinRequestOut(Schema):
    id: int
    project_id: int
    project_title: str = Field(..., alias="project.title")
    person_id: int
    display_name: str = Field(..., alias="person.display_name")
    message: str
    status: str
    asked_at: datetime
    answered_at: datetime | None
    reason: str


class JoinRequestIn(Schema):
    message: str = Field("", max_length=2000)


class DeclineIn(Schema):
    reason: str = Field(..., min_length=1, max_length=1000)


@router.get(
    "/join-requests",
    response={200: list[JoinRequestOut], **REFUSALS},
    summary="Your requests to join projects, and requests to join the projects you run",
)
def join_request_list(request: HttpRequest):
    visible = joining.join_requests_visible(viewer=request.user)
    return visible.select_related("project", "person").order_by("-asked_at")[:500]


@router.post(
    "/projects/{project_id}/join-requests",
    response={201: JoinRequestOut, 409: Problem, **WRITE_REFUSALS},
    summary="Ask to take part in a project you can see",
)
def join_request_make(request: HttpRequest, project_id: int, payload: JoinRequestIn):
    project = perms.project_get_for_viewer(viewer=request.user, pk=project_id, request=request)
    try:
        made = joining.join_request_make(
            project=project, person=request.user, message=payload.message
        )
    except ValidationError as error:
        return 409, {"detail": " ".join(error.messages)}
    return 201, made


def _for_lead(request: HttpRequest, join_request_id: int) -> JoinRequest:
    found = (
        JoinRequest.objects.filter(pk=join_request_id).select_related("project", "person").first()
    )
    if found is None or not perms.can_manage(viewer=request.user, project=found.project):
        request.refused_object_type = "join_request"
        raise Http404
    return found


@router.post(
    "/join-requests/{join_request_id}/accept",
    response={200: JoinRequestOut, 409: Problem, **WRITE_REFUSALS},
    summary="Accept a request to join a project you run",
)
def join_request_accept(request: HttpRequest, join_request_id: int):
    item = _for_lead(request, join_request_id)
    try:
        joining.join_request_accept(request=item, by=request.user)
    except ValidationError as error:
        return 409, {"detail": " ".join(error.messages)}
    item.refresh_from_db()
    return item


@router.post(
    "/join-requests/{join_request_id}/decline",
    response={200: JoinRequestOut, 409: Problem, **WRITE_REFUSALS},
    summary="Decline a request to join a project you run, with a kind, plain reason",
)
def join_request_decline(request: HttpRequest, join_request_id: int, payload: DeclineIn):
    item = _for_lead(request, join_request_id)
    try:
        joining.join_request_decline(request=item, reason=payload.reason, by=request.user)
    except ValidationError as error:
        return 409, {"detail": " ".join(error.messages)}
    item.refresh_from_db()
    return item
