"""The person's notifications and how they want to hear, in the API: their own only."""

from datetime import datetime, time
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.security import django_auth
from pydantic import field_validator

from copro.core.api_schemas import REFUSALS, WRITE_REFUSALS, Problem
from copro.notifications import selectors, services
from copro.notifications.permissions import notification_get

router = Router(tags=["notifications"], auth=django_auth)


class DeliveryOut(Schema):
    channel: str
    state: str
    attempts: int
    sent_at: datetime | None


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None
    deliveries: list[DeliveryOut]

    @staticmethod
    def resolve_deliveries(obj) -> list:
        return list(obj.deliveries.all())


class PageIn(Schema):
    page: int = Field(1, ge=1, le=10000)


class Marked(Schema):
    marked: int


class PreferenceOut(Schema):
    kind: str
    label: str
    urgent: bool
    routes: list[str]
    frequency: str
    chosen: bool


class PreferencesOut(Schema):
    kinds: list[PreferenceOut]
    # Local clock times, "21:00": no offset, so not a JSON Schema "time".
    quiet_starts: str | None
    quiet_ends: str | None


class PreferenceIn(Schema):
    kind: str = Field(..., max_length=60)
    routes: list[Literal["email", "text", "post"]] = Field([], max_length=3)
    frequency: Literal["now", "daily", "weekly"] = "now"


class QuietHoursIn(Schema):
    """Both times, or both null for no quiet hours."""

    starts: time | None
    ends: time | None

    @field_validator("starts", "ends", mode="before")
    @classmethod
    def _times_are_written_as_text(cls, value):
        # A number is not a time of day here ("22:00" is): pydantic would read it as seconds.
        if value is not None and not isinstance(value, str | time):
            raise ValueError("Write a time such as 22:00")
        return value


@router.get("", response={200: list[NotificationOut], **REFUSALS}, summary="Yours")
def notification_list(request: HttpRequest, query: Query[PageIn]):
    """Your notifications, newest first, 25 a page, with each route's state."""
    page = selectors.notifications_page(viewer=request.user, page_number=query.page)
    if query.page > page.paginator.num_pages:
        return []
    return list(page.object_list)


@router.post(
    "/{notification_id}/read",
    response={200: NotificationOut, **WRITE_REFUSALS},
    summary="Mark one as read",
)
def notification_read(request: HttpRequest, notification_id: int):
    notification = notification_get(viewer=request.user, pk=notification_id)
    services.notification_mark_read(viewer=request.user, notification=notification)
    notification.refresh_from_db()
    return notification


@router.post("/read-all", response={200: Marked, **WRITE_REFUSALS}, summary="Mark all as read")
def notification_read_all(request: HttpRequest):
    return {"marked": services.notification_mark_all_read(viewer=request.user)}


def _preferences(person) -> dict:
    current = selectors.preferences_for(person=person)
    quiet = current["quiet"]
    return {
        "kinds": [
            {
                "kind": row["kind"].code,
                "label": row["kind"].label,
                "urgent": row["kind"].urgent,
                "routes": [str(r) for r in row["routes"]],
                "frequency": row["frequency"],
                "chosen": row["chosen"],
            }
            for row in current["kinds"]
        ],
        "quiet_starts": f"{quiet.starts:%H:%M}" if quiet else None,
        "quiet_ends": f"{quiet.ends:%H:%M}" if quiet else None,
    }


@router.get("/preferences", response={200: PreferencesOut, **REFUSALS}, summary="How we tell you")
def preferences_get(request: HttpRequest):
    return _preferences(request.user)


@router.put(
    "/preferences",
    response={200: PreferencesOut, 409: Problem, **WRITE_REFUSALS},
    summary="Choose how we tell you about one kind of news",
)
def preferences_set(request: HttpRequest, payload: PreferenceIn):
    try:
        services.preference_set(
            person=request.user,
            kind=payload.kind,
            routes_chosen=payload.routes,
            frequency=payload.frequency,
        )
    except LookupError:
        raise Http404("No such kind of news") from None
    except ValidationError as error:
        # A route we have no details for: the request is fine, the person's record is not.
        return 409, {"detail": " ".join(error.messages)}
    return _preferences(request.user)


@router.put(
    "/quiet-hours",
    response={200: PreferencesOut, 409: Problem, **WRITE_REFUSALS},
    summary="Set or clear your quiet hours for text messages",
)
def quiet_hours_set(request: HttpRequest, payload: QuietHoursIn):
    try:
        services.quiet_hours_set(person=request.user, starts=payload.starts, ends=payload.ends)
    except ValidationError as error:
        return 409, {"detail": " ".join(error.messages)}
    return _preferences(request.user)
