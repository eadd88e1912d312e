"""Who may see and run a meeting. A meeting someone may not see answers 404, exactly like one
that does not exist (AZ-1), and so does a meeting asked for under another project (AZ-2).

- The project comes first, through the projects app's own getters.
- A meeting is seen by the project's current members, by its invitees, and by whoever runs the
  project; the meeting, its papers and its calendar file alike.
- Whoever runs the project (`can_manage`) organises its meetings."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from copro.meetings.models import Invitee, Meeting
from copro.people.models import User
from copro.projects.models import Membership, Project
from copro.projects.permissions import (
    can_manage,
    membership_of,
    project_get_for_viewer,
    project_list_visible,
)


def _refuse(request, what: str):
    if request is not None:
        request.refused_object_type = what
    raise Http404


def meeting_list_visible(*, viewer: User | None) -> QuerySet[Meeting]:
    """Meetings of projects the viewer can see, where they are a current member or invited."""
    if viewer is None or not viewer.is_authenticated:
        return Meeting.objects.none()
    visible = Meeting.objects.filter(project__in=project_list_visible(viewer=viewer))
    if viewer.role == User.Role.ADMINISTRATOR:
        return visible
    member = Membership.objects.filter(
        project=OuterRef("project"), user=viewer, left_on__isnull=True
    )
    invited = Invitee.objects.filter(meeting=OuterRef("pk"), user=viewer)
    return visible.filter(Q(Exists(member)) | Q(Exists(invited)))


def may_see_meetings(*, viewer: User, project: Project) -> bool:
    return can_manage(viewer=viewer, project=project) or (
        membership_of(viewer=viewer, project=project) is not None
    )


def project_get_for_meetings(*, viewer: User, pk: int, request=None) -> Project:
    """The project whose meetings list the viewer may see: its members and whoever runs it."""
    project = project_get_for_viewer(viewer=viewer, pk=pk, request=request)
    if not may_see_meetings(viewer=viewer, project=project):
        _refuse(request, "project")
    return project


def project_get_for_organiser(*, viewer: User, pk: int, request=None) -> Project:
    project = project_get_for_viewer(viewer=viewer, pk=pk, request=request)
    if not can_manage(viewer=viewer, project=project):
        _refuse(request, "project")
    return project


def meeting_get_for_viewer(
    *, viewer: User, project_pk: int, pk: int, request=None
) -> tuple[Meeting, Invitee | None, bool]:
    """(meeting, the viewer's invitation or None, whether they organise it)."""
    project = project_get_for_viewer(viewer=viewer, pk=project_pk, request=request)
    meeting = (
        Meeting.objects.select_related("project", "venue")
        .filter(pk=pk, project=project)  # another project's meeting under this id: 404 (AZ-2)
        .first()
    )
    if meeting is None:
        _refuse(request, "meeting")
    organiser = can_manage(viewer=viewer, project=project)
    invitee = Invitee.objects.filter(meeting=meeting, user=viewer).first()
    if not organiser and invitee is None and membership_of(viewer=viewer, project=project) is None:
        _refuse(request, "meeting")
    return meeting, invitee, organiser


def meeting_get_for_organiser(*, viewer: User, project_pk: int, pk: int, request=None) -> Meeting:
    meeting, _invitee, organiser = meeting_get_for_viewer(
        viewer=viewer, project_pk=project_pk, pk=pk, request=request
    )
    if not organiser:
        _refuse(request, "meeting")
    return meeting


def meeting_get_for_invitee(
    *, viewer: User, project_pk: int, pk: int, request=None
) -> tuple[Meeting, Invitee]:
    meeting, invitee, _organiser = meeting_get_for_viewer(
        viewer=viewer, project_pk=project_pk, pk=pk, request=request
    )
    if invitee is None:
        _refuse(request, "meeting")
    return meeting, invitee


def may_manage_venues(user: User) -> bool:
    return user.is_authenticated and (user.role == User.Role.ADMINISTRATOR or user.is_superuser)
