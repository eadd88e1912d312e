"""Projects in the API: the same permission getters as the pages, so a project someone may not
see answers 404 exactly like one that does not exist. Writes need the session's CSRF token."""

from datetime import date, datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.security import django_auth

from copro.core.api_schemas import REFUSALS, WRITE_REFUSALS, Problem
from copro.core.ids import MAX_ID
from copro.projects import permissions as perms
from copro.projects import services
from copro.projects.models import Contribution, Decision, Membership, Position

router = Router(tags=["projects"], auth=django_auth)
MAX_OPTIONS = 50  # a ranking longer than any decision's list of options is refused


class ProjectOut(Schema):
    id: int
    title: str
    summary: str
    service_area: str
    stage: str
    visibility: str


class MemberOut(Schema):
    id: int
    display_name: str = Field(..., alias="user.display_name")
    kind: str
    role: str
    joined_on: date
    left_on: date | None


class DecisionOut(Schema):
    id: int
    title: str
    proposal: str
    method: str
    status: str
    stage: str
    outcome: str
    decided_on: date | None
    review_on: date | None


class PositionOut(Schema):
    display_name: str = Field(..., alias="user.display_name")
    kind: str
    stance: str
    option_id: int | None
    reason: str
    on_behalf: bool
    recorded_how: str


class PositionIn(Schema):
    stance: str = Field("", max_length=20)
    option_id: int | None = Field(None, ge=1, le=MAX_ID)
    ranking: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field([], max_length=MAX_OPTIONS)
    reason: str = Field("", max_length=2000)


class ContributionOut(Schema):
    id: int
    kind: str
    text: str
    stage: str
    status: str
    response: str
    raised_at: datetime
    responded_at: datetime | None


class ContributionIn(Schema):
    kind: str = Field(..., pattern="^(idea|concern|suggestion)$")
    text: str = Field(..., min_length=1, max_length=3000)


class ActionOut(Schema):
    id: int
    title: str
    status: str
    due_on: date | None


def _viewer_project(request: HttpRequest, project_id: int):
    return perms.project_get_for_viewer(viewer=request.user, pk=project_id, request=request)


@router.get("", response=list[ProjectOut], summary="Projects you may see")
def project_list(request: HttpRequest):
    return perms.project_list_visible(viewer=request.user).order_by("title")


@router.get("/{project_id}", response={200: ProjectOut, **REFUSALS}, summary="One project")
def project_detail(request: HttpRequest, project_id: int):
    return _viewer_project(request, project_id)


@router.get("/{project_id}/members", response={200: list[MemberOut], **REFUSALS}, summary="Members")
def member_list(request: HttpRequest, project_id: int):
    project = _viewer_project(request, project_id)
    return Membership.objects.filter(project=project).select_related("user")


@router.get(
    "/{project_id}/decisions", response={200: list[DecisionOut], **REFUSALS}, summary="Decisions"
)
def decision_list(request: HttpRequest, project_id: int):
    return Decision.objects.filter(project=_viewer_project(request, project_id))


@router.get(
    "/{project_id}/decisions/{decision_id}/positions",
    response={200: list[PositionOut], **REFUSALS},
    summary="Each member's view on a decision",
)
def position_list(request: HttpRequest, project_id: int, decision_id: int):
    project = _viewer_project(request, project_id)
    decision = get_object_or_404(Decision, pk=decision_id, project=project)
    return Position.objects.filter(decision=decision).select_related("user")


@router.post(
    "/{project_id}/decisions/{decision_id}/positions",
    response={200: PositionOut, 409: Problem, **WRITE_REFUSALS},
    summary="Give your view (again to change it)",
)
def position_give(request: HttpRequest, project_id: int, decision_id: int, payload: PositionIn):
    project, membership = perms.project_get_for_member(
        viewer=request.user, pk=project_id, request=request
    )
    decision = get_object_or_404(Decision, pk=decision_id, project=project)
    if decision.status != Decision.Status.OPEN:
        return 409, {"detail": "This decision has been made: views can no longer be added"}
    try:
        return services.position_record(
            decision=decision,
            member=membership,
            by=request.user,
            stance=payload.stance,
            option_id=payload.option_id,
            ranking=payload.ranking,
            reason=payload.reason,
        )
    except ValidationError as error:
        return 422, {"detail": " ".join(error.messages)}
    except PermissionDenied:
        raise Http404 from None


@router.get(
    "/{project_id}/contributions",
    response={200: list[ContributionOut], **REFUSALS},
    summary="You said, we did",
)
def contribution_list(request: HttpRequest, project_id: int):
    return Contribution.objects.filter(project=_viewer_project(request, project_id))


@router.post(
    "/{project_id}/contributions",
    response={201: ContributionOut, **WRITE_REFUSALS},
    summary="Raise an idea, concern or suggestion",
)
def contribution_raise(request: HttpRequest, project_id: int, payload: ContributionIn):
    project, membership = perms.project_get_for_member(
        viewer=request.user, pk=project_id, request=request
    )
    try:
        return 201, services.contribution_raise(
            project=project,
            member=membership,
            kind=payload.kind,
            text=payload.text,
            by=request.user,
        )
    except ValidationError as error:  # the same cleaning as the form: NUL, only spaces
        return 422, {"detail": " ".join(error.messages)}


@router.get("/{project_id}/actions", response={200: list[ActionOut], **REFUSALS}, summary="Actions")
def action_list(request: HttpRequest, project_id: int):
    return _viewer_project(request, project_id).actions.all()
