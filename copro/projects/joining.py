"""Asking to take part in a project, and the lead's answer (issue 16). Writes in one
transaction each; both sides are told through notifications."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from copro.notifications import kinds
from copro.notifications.services import notify
from copro.people.models import User
from copro.projects import permissions as perms
from copro.projects.models import JoinRequest, Membership, Project, Stage
from copro.projects.services import member_add

ASKED = "project_join_asked"
ANSWERED = "project_join_answered"


def register_kinds() -> None:
    kinds.register(ASKED, "Someone asks to take part in a project you run")
    kinds.register(ANSWERED, "Your request to take part in a project is answered")


def _kind_for(person: User) -> str:
    profile = getattr(person, "profile", None)
    if person.is_council_staff or (profile and profile.takes_part_as == "qualification"):
        return Membership.Kind.QUALIFICATION
    return Membership.Kind.EXPERIENCE


def _leads(project: Project) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(
            project=project, role=Membership.Role.LEAD, left_on__isnull=True
        ).select_related("user")
    ]


def may_ask(*, viewer: User, project: Project) -> bool:
    return (
        viewer.is_authenticated
        and project.stage != Stage.CLOSED
        and perms.membership_of(viewer=viewer, project=project) is None
    )


@transaction.atomic
def join_request_make(*, project: Project, person: User, message: str = "") -> JoinRequest:
    if perms.membership_of(viewer=person, project=project) is not None:
        raise ValidationError("You already take part in this project")
    if project.stage == Stage.CLOSED:
        raise ValidationError("This project has finished, so it is not taking new members")
    request = JoinRequest(project=project, person=person, message=message.strip())
    request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        raise ValidationError(
            "You have already asked. The person who runs it will answer soon"
        ) from None
    notify(
        recipients=_leads(project),
        kind=ASKED,
        event_key=f"join-request:{request.pk}",
        title=f"{person.display_name} would like to take part in {project.title}",
        body=message[:500],
        url=reverse("projects:join_requests", args=[project.pk]),
    )
    return request


def _answerable(request: JoinRequest) -> None:
    if request.status != JoinRequest.Status.WAITING:
        raise ValidationError("This request has already been answered")


@transaction.atomic
def join_request_accept(*, request: JoinRequest, by: User) -> Membership:
    """The person becomes a member from today."""
    request = JoinRequest.objects.select_for_update().get(pk=request.pk)
    _answerable(request)
    if not perms.can_manage(viewer=by, project=request.project):
        raise Http404
    membership = member_add(
        project=request.project,
        user=request.person,
        kind=_kind_for(request.person),
        role=Membership.Role.MEMBER,
        joined_on=timezone.localdate(),
        by=by,
    )
    _answer(request, JoinRequest.Status.ACCEPTED, by)
    notify(
        recipients=[request.person],
        kind=ANSWERED,
        event_key=f"join-answer:{request.pk}",
        title=f"Welcome to {request.project.title}",
        body=f"You are now a member of {request.project.title}.",
        url=request.project.get_absolute_url(),
    )
    return membership


@transaction.atomic
def join_request_decline(*, request: JoinRequest, reason: str, by: User) -> JoinRequest:
    request = JoinRequest.objects.select_for_update().get(pk=request.pk)
    _answerable(request)
    if not perms.can_manage(viewer=by, project=request.project):
        raise Http404
    if not reason.strip():
        raise ValidationError({"reason": "Write a kind, plain reason for them"})
    request.reason = reason.strip()
    _answer(request, JoinRequest.Status.DECLINED, by)
    notify(
        recipients=[request.person],
        kind=ANSWERED,
        event_key=f"join-answer:{request.pk}",
        title=f"About your request to join {request.project.title}",
        body=request.reason,
        url=reverse("projects:my_join_requests"),
    )
    return request


def _answer(request: JoinRequest, status: str, by: User) -> None:
    request.status = status
    request.answered_at = timezone.now()
    request.answered_by = by
    request.full_clean(validate_constraints=False)
    request.save()


# --- Reads -------------------------------------------------------------------------------------


def join_requests_for_lead(*, viewer: User, project: Project) -> QuerySet[JoinRequest]:
    """The project's requests, for whoever runs it (the caller checked can_manage)."""
    return JoinRequest.objects.filter(project=project).select_related("person", "answered_by")


def join_requests_mine(*, viewer: User) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(person=viewer).select_related("project")


def join_requests_visible(*, viewer: User) -> QuerySet[JoinRequest]:
    """Mine, and those for the projects I run (administrators: every project)."""
    if not viewer.is_authenticated:
        return JoinRequest.objects.none()
    if viewer.role == User.Role.ADMINISTRATOR:
        return JoinRequest.objects.all()
    led = Membership.objects.filter(
        user=viewer, role=Membership.Role.LEAD, left_on__isnull=True
    ).values("project_id")
    return JoinRequest.objects.filter(Q(person=viewer) | Q(project_id__in=led))


def join_request_get_for_lead(*, viewer: User, project: Project, pk: int) -> JoinRequest:
    """Someone else's request, or one for another project (AZ-2), answers 404."""
    found = JoinRequest.objects.filter(project=project, pk=pk).select_related("person").first()
    if found is None or not perms.can_manage(viewer=viewer, project=project):
        raise Http404
    return found
