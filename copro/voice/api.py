"""The members' own word in the API.

- `GET /voice/records`: records waiting for the signed-in person's word (and for the people they
  support with consent), and those they have said are not right.
- `POST /voice/records/{kind}/{record_id}/confirm` and `.../contest`: only the person the record
  is about, or their supporter while consent stands. Anyone else gets 404, exactly as for a
  record that does not exist (AZ-1, AZ-9). 409: the record is not in a state to be answered.
- `POST /voice/projects/{project_id}/check-ins`: a member's check-in (409 if answered recently).
- `GET /voice/projects/{project_id}/outcomes`: what a project aims to change, before and after.
Writes with the session cookie need the CSRF token."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.security import django_auth

from copro.core.api_schemas import REFUSALS, WRITE_REFUSALS, Problem
from copro.projects import permissions as project_perms
from copro.voice import permissions as perms
from copro.voice import records, selectors, services
from copro.voice.models import CheckIn

router = Router(tags=["voice"], auth=django_auth)

Kind = Literal["membership", "attendance", "position", "idea"]
AnswerValue = Literal["yes", "partly", "no"]


class RecordOut(Schema):
    kind: Kind = Field(
        ...,
        description="What the record is: a membership, an attendance, a view "
        "on a decision (position) or an idea entered for the person",
    )
    id: int
    person_id: int = Field(..., description="Whom the record is about")
    project_id: int
    summary: str = Field(..., description="What the record says, in a sentence")
    entered: str = Field(..., description="How it was entered, and whether it was recorded late")
    confirmation: Literal["not_asked", "awaiting", "confirmed", "contested"] = Field(
        ...,
        description="not_asked: counts without asking (entered by the person, or by the "
        "organiser at the time); awaiting: counts only once the person confirms it; confirmed: "
        "the person (or their supporter) said it is right; contested: they said it is not "
        "right - it never counts while contested",
    )
    contest_reason: str


class ContestIn(Schema):
    reason: str = Field(..., min_length=1, max_length=1000, description="What is not right")


class CheckInIn(Schema):
    heard: AnswerValue
    could_change: AnswerValue
    equal: AnswerValue
    could_get_there: AnswerValue
    got_back: AnswerValue


class CheckInOut(Schema):
    project_id: int
    submitted_on: date


class MeasureOut(Schema):
    when: Literal["before", "after"]
    value: str
    measured_on: date


class OutcomeOut(Schema):
    id: int
    aim: str
    measure: str
    measures: list[MeasureOut]
    created_at: datetime


def _out(item: records.Item) -> dict:
    return {
        "kind": item.kind,
        "id": item.record.pk,
        "person_id": item.person_id,
        "project_id": item.project.pk,
        "summary": item.summary,
        "entered": item.how,
        "confirmation": item.confirmation,
        "contest_reason": item.contest_reason,
    }


@router.get(
    "/records",
    response={200: list[RecordOut], 401: Problem},
    summary="Records waiting for your word (and for the people you support)",
)
def records_list(request: HttpRequest):
    out = []
    for group in selectors.records_to_confirm(viewer=request.user):
        out += [_out(item) for item in group.awaiting + group.contested]
    return out


def _answer(request, kind: str, record_id: int, action, **kwargs):
    item = perms.record_get_for_person(
        viewer=request.user, kind=kind, pk=record_id, request=request
    )
    try:
        action(item=item, by=request.user, **kwargs)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            return 422, {"detail": " ".join(error.messages)}
        return 409, {"detail": " ".join(error.messages)}
    return 200, _out(perms.record_get_for_person(viewer=request.user, kind=kind, pk=record_id))


@router.post(
    "/records/{kind}/{record_id}/confirm",
    response={200: RecordOut, 409: Problem, **WRITE_REFUSALS},
    summary="Say a record about you is right (409 when it is not waiting for you)",
)
def record_confirm(request: HttpRequest, kind: Kind, record_id: int):
    return _answer(request, kind, record_id, services.record_confirm)


@router.post(
    "/records/{kind}/{record_id}/contest",
    response={200: RecordOut, 409: Problem, **WRITE_REFUSALS},
    summary="Say a record about you is not right, and why (409 when you already have)",
)
def record_contest(request: HttpRequest, kind: Kind, record_id: int, payload: ContestIn):
    return _answer(request, kind, record_id, services.record_contest, reason=payload.reason)


@router.post(
    "/projects/{project_id}/check-ins",
    response={201: CheckInOut, 409: Problem, **WRITE_REFUSALS},
    summary="Answer the check-in for a project you belong to (409 if answered recently)",
)
def check_in_submit(request: HttpRequest, project_id: int, payload: CheckInIn):
    _project, membership = project_perms.project_get_for_member(
        viewer=request.user, pk=project_id, request=request
    )
    try:
        check_in: CheckIn = services.checkin_submit(
            membership=membership, answers=payload.dict(), by=request.user
        )
    except ValidationError as error:
        return 409, {"detail": " ".join(error.messages)}
    return 201, {"project_id": check_in.project_id, "submitted_on": check_in.submitted_on}


@router.get(
    "/projects/{project_id}/outcomes",
    response={200: list[OutcomeOut], **REFUSALS},
    summary="What the project aims to change, with measures before and after",
)
def outcome_list(request: HttpRequest, project_id: int):
    project = project_perms.project_get_for_viewer(
        viewer=request.user, pk=project_id, request=request
    )
    return selectors.outcomes_for(project=project)
