"""Who may see and change a project. A project someone may not see answers 404, exactly like
one that does not exist (AZ-1)."""

import logging

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from copro.people.models import User
from copro.projects.models import Membership, Project

log = logging.getLogger("copro.access")


def _current_member(user: User):
    return Membership.objects.filter(project=OuterRef("pk"), user=user, left_on__isnull=True)


def project_list_visible(*, viewer: User | None) -> QuerySet[Project]:
    """Published projects for anyone; for a signed-in person also the projects open to everyone
    signed in and the ones they belong to; administrators see every project. Staff are like
    everyone else here: a members-only project is for its members."""
    if viewer is None or not viewer.is_authenticated:
        return Project.objects.filter(visibility=Project.Visibility.PUBLIC)
    if viewer.role == User.Role.ADMINISTRATOR:
        return Project.objects.all()
    return Project.objects.filter(
        Q(visibility__in=[Project.Visibility.PUBLIC, Project.Visibility.SIGNED_IN])
        | Exists(_current_member(viewer))
    )


def membership_of(*, viewer: User, project: Project) -> Membership | None:
    if not viewer.is_authenticated:
        return None
    return Membership.objects.filter(project=project, user=viewer, left_on__isnull=True).first()


def project_get_for_viewer(*, viewer: User, pk: int, request=None) -> Project:
    project = project_list_visible(viewer=viewer).filter(pk=pk).first()
    if project is None:
        if request is not None:
            request.refused_object_type = "project"
        raise Http404
    return project


def can_manage(*, viewer: User, project: Project) -> bool:
    """Administrators, and whoever runs the project, manage its members, stage and decisions."""
    if not viewer.is_authenticated:
        return False
    if viewer.role == User.Role.ADMINISTRATOR:
        return True
    return Membership.objects.filter(
        project=project, user=viewer, left_on__isnull=True, role=Membership.Role.LEAD
    ).exists()


def project_get_for_member(*, viewer: User, pk: int, request=None) -> tuple[Project, Membership]:
    """For taking part (voting, raising ideas, self-assessment): current members only."""
    project = project_get_for_viewer(viewer=viewer, pk=pk, request=request)
    membership = membership_of(viewer=viewer, project=project)
    if membership is None:
        raise Http404
    return project, membership


def project_get_for_manager(*, viewer: User, pk: int, request=None) -> Project:
    project = project_get_for_viewer(viewer=viewer, pk=pk, request=request)
    if not can_manage(viewer=viewer, project=project):
        raise Http404
    return project
