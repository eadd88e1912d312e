"""Who may see and run a meeting. A meeting someone may not see answers 404, exactly like one
that does not exist (AZ-1), and so does a meeting asked for under another project or group (AZ-2).

A meeting belongs to a project or to one of the network's groups (its host):

- A project's meeting is seen by the project's current members, by its invitees and by whoever
  runs the project (`can_manage`), who organises it.
- A group's meeting is seen by the group's members and its invitees. Staff and administrators
  organise group meetings: the groups belong to the whole network, not to one project.
- An open event (`open_to_all`) is seen by anyone signed in, who may sign up for a place.
The meeting, its papers and its calendar file alike."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from copro.framework.models import NetworkGroup
from copro.meetings.models import Invitee, Meeting
from copro.people.models import GroupMembership, User
from copro.projects.models import Membership, Project
from copro.projects.permissions import (
    can_manage,
    membership_of,
    project_get_for_viewer,
    project_list_visible,
)

PROJECT = "project"
GROUP = "group"


def _refuse(request, what: str):
    if request is not None:
        request.refused_object_type = what
    raise Http404


def _signed_in(viewer) -> bool:
    return viewer is not None and viewer.is_authenticated


def meeting_list_visible(*, viewer: User | None) -> QuerySet[Meeting]:
    """Every meeting the viewer may open: their projects' and groups' meetings, meetings they
    are invited to, and open events."""
    if not _signed_in(viewer):
        return Meeting.objects.none()
    if viewer.role == User.Role.ADMINISTRATOR:
        return Meeting.objects.all()
    member = Membership.objects.filter(
        project=OuterRef("project"), user=viewer, left_on__isnull=True
    )
    in_group = GroupMembership.objects.filter(group=OuterRef("group"), user=viewer)
    invited = Invitee.objects.filter(meeting=OuterRef("pk"), user=viewer)
    project_meetings = Q(project__in=project_list_visible(viewer=viewer)) & (
        Q(Exists(member)) | Q(Exists(invited))
    )
    group_meetings = Q(group__isnull=False) & (Q(Exists(in_group)) | Q(Exists(invited)))
    if may_organise_group_meetings(viewer):
        group_meetings = Q(group__isnull=False)
    return Meeting.objects.filter(project_meetings | group_meetings | Q(open_to_all=True))


# --- Projects -----------------------------------------------------------------------------------


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


# --- Groups -------------------------------------------------------------------------------------


def may_organise_group_meetings(viewer: User) -> bool:
    return _signed_in(viewer) and (
        viewer.role in (User.Role.STAFF, User.Role.ADMINISTRATOR) or viewer.is_superuser
    )


def in_group(*, viewer: User, group: NetworkGroup) -> bool:
    return _signed_in(viewer) and GroupMembership.objects.filter(group=group, user=viewer).exists()


def group_get_for_meetings(*, viewer: User, pk: int, request=None) -> NetworkGroup:
    """The group whose meetings list the viewer may see: its members, staff and administrators."""
    group = NetworkGroup.objects.filter(pk=pk).first()
    if group is None or not (
        may_organise_group_meetings(viewer) or in_group(viewer=viewer, group=group)
    ):
        _refuse(request, "group")
    return group


def group_get_for_organiser(*, viewer: User, pk: int, request=None) -> NetworkGroup:
    group = NetworkGroup.objects.filter(pk=pk).first()
    if group is None or not may_organise_group_meetings(viewer):
        _refuse(request, "group")
    return group


def host_get_for_organiser(*, viewer: User, host: str, pk: int, request=None):
    if host == GROUP:
        return group_get_for_organiser(viewer=viewer, pk=pk, request=request)
    return project_get_for_organiser(viewer=viewer, pk=pk, request=request)


def host_get_for_meetings(*, viewer: User, host: str, pk: int, request=None):
    if host == GROUP:
        return group_get_for_meetings(viewer=viewer, pk=pk, request=request)
    return project_get_for_meetings(viewer=viewer, pk=pk, request=request)


def may_organise(*, viewer: User, meeting: Meeting) -> bool:
    if meeting.group_id:
        return may_organise_group_meetings(viewer)
    return can_manage(viewer=viewer, project=meeting.project)


# --- One meeting --------------------------------------------------------------------------------


def _meeting_of_group(viewer, group_pk, pk, request) -> tuple[Meeting, bool, bool]:
    meeting = (
        Meeting.objects.select_related("group", "venue")
        .filter(pk=pk, group_id=group_pk)  # another group's meeting under this id: 404 (AZ-2)
        .first()
    )
    if meeting is None:
        _refuse(request, "meeting")
    organiser = may_organise_group_meetings(viewer)
    return meeting, organiser, in_group(viewer=viewer, group=meeting.group)


def _meeting_of_project(viewer, project_pk, pk, request) -> tuple[Meeting, bool, bool]:
    meeting = (
        Meeting.objects.select_related("project", "venue")
        .filter(pk=pk, project_id=project_pk)  # another project's meeting: 404 (AZ-2)
        .first()
    )
    if meeting is None or not meeting.open_to_all:
        # Only an open event shows through a project the viewer cannot otherwise see.
        project = project_get_for_viewer(viewer=viewer, pk=project_pk, request=request)
        if meeting is None:
            _refuse(request, "meeting")
        meeting.project = project
    organiser = can_manage(viewer=viewer, project=meeting.project)
    member = membership_of(viewer=viewer, project=meeting.project) is not None
    return meeting, organiser, member


def meeting_get_for_viewer(
    *, viewer: User, host_pk: int, pk: int, request=None, host: str = PROJECT
) -> tuple[Meeting, Invitee | None, bool]:
    """(meeting, the viewer's invitation or None, whether they organise it)."""
    if not _signed_in(viewer):
        _refuse(request, "meeting")
    if host == GROUP:
        meeting, organiser, member = _meeting_of_group(viewer, host_pk, pk, request)
    else:
        meeting, organiser, member = _meeting_of_project(viewer, host_pk, pk, request)
    invitee = Invitee.objects.filter(meeting=meeting, user=viewer).first()
    if not (organiser or invitee is not None or member or meeting.open_to_all):
        _refuse(request, "meeting")
    return meeting, invitee, organiser


def meeting_get_for_organiser(
    *, viewer: User, host_pk: int, pk: int, request=None, host: str = PROJECT
) -> Meeting:
    meeting, _invitee, organiser = meeting_get_for_viewer(
        viewer=viewer, host_pk=host_pk, pk=pk, request=request, host=host
    )
    if not organiser:
        _refuse(request, "meeting")
    return meeting


def meeting_get_for_invitee(
    *, viewer: User, host_pk: int, pk: int, request=None, host: str = PROJECT
) -> tuple[Meeting, Invitee]:
    meeting, invitee, _organiser = meeting_get_for_viewer(
        viewer=viewer, host_pk=host_pk, pk=pk, request=request, host=host
    )
    if invitee is None:
        _refuse(request, "meeting")
    return meeting, invitee


def may_manage_venues(user: User) -> bool:
    return user.is_authenticated and (user.role == User.Role.ADMINISTRATOR or user.is_superuser)
