"""Who may see and change readiness and audit rounds. Anything a person may not see answers 404,
exactly like something that does not exist (AZ-1).

- Readiness: council staff and administrators change it; they and the Advisory Board see it.
- An audit round of a project is only for people who can see the project (projects'
  `project_list_visible`). Within that, a published round is for everyone signed in; an
  unpublished one for its participants and council staff.
- Council staff run rounds: add people, record actions, close and publish.
- Only a participant of an open round gives scores, and only their own.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from copro.framework.models import SevenStep
from copro.people.models import User
from copro.projects.advice import is_board_member
from copro.projects.permissions import project_list_visible
from copro.readiness.models import AuditParticipant, AuditRound


def _refuse(request, what: str):
    if request is not None:
        request.refused_object_type = what
    raise Http404


def can_see_readiness(viewer: User) -> bool:
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    return viewer.is_council_staff or is_board_member(viewer)


def can_change_readiness(viewer: User) -> bool:
    return viewer.is_authenticated and viewer.is_active and viewer.is_council_staff


def readiness_check(*, viewer: User, request=None) -> None:
    if not can_see_readiness(viewer):
        _refuse(request, "readiness")


def step_get_for_viewer(*, viewer: User, pk: int, request=None) -> SevenStep:
    readiness_check(viewer=viewer, request=request)
    step = SevenStep.objects.filter(pk=pk).first()
    if step is None:
        _refuse(request, "readiness step")
    return step


def can_run_rounds(viewer: User) -> bool:
    return viewer.is_authenticated and viewer.is_active and viewer.is_council_staff


def round_list_visible(*, viewer: User) -> QuerySet[AuditRound]:
    """Published results of the organisation and of published projects for everyone, signed in
    or not (issue 17); rounds in progress for staff and the people taking part."""
    subject = Q(project__isnull=True) | Q(project__in=project_list_visible(viewer=viewer))
    if not viewer.is_authenticated:
        return AuditRound.objects.filter(subject, published_at__isnull=False)
    if not viewer.is_active:
        return AuditRound.objects.none()
    if viewer.is_council_staff:
        return AuditRound.objects.filter(subject)
    taking_part = AuditParticipant.objects.filter(round=OuterRef("pk"), person=viewer)
    return AuditRound.objects.filter(subject).filter(
        Q(published_at__isnull=False) | Exists(taking_part)
    )


def round_get_for_viewer(*, viewer: User, pk: int, request=None) -> AuditRound:
    found = round_list_visible(viewer=viewer).select_related("project").filter(pk=pk).first()
    if found is None:
        _refuse(request, "audit round")
    return found


def round_get_for_runner(*, viewer: User, pk: int, request=None) -> AuditRound:
    found = round_get_for_viewer(viewer=viewer, pk=pk, request=request)
    if not can_run_rounds(viewer):
        _refuse(request, "audit round")
    return found


def participant_of(*, viewer: User, round: AuditRound) -> AuditParticipant | None:
    if not viewer.is_authenticated:
        return None
    return AuditParticipant.objects.filter(round=round, person=viewer).first()


def round_get_for_participant(
    *, viewer: User, pk: int, request=None
) -> tuple[AuditRound, AuditParticipant]:
    found = round_get_for_viewer(viewer=viewer, pk=pk, request=request)
    participant = participant_of(viewer=viewer, round=found)
    if participant is None:
        _refuse(request, "audit round")
    return found, participant
