"""Who may see which report. Anything someone may not see answers 404, exactly like something
that does not exist (AZ-1)."""

from django.http import Http404

from copro.people.models import User
from copro.projects.advice import is_board_member
from copro.projects.models import Project
from copro.projects.permissions import project_get_for_viewer


def report_project_get(*, viewer: User, pk: int, request=None) -> Project:
    """A project's report goes to whoever may see the project: its members, everyone when it
    is published, everyone signed in when the project is open to them, and administrators."""
    return project_get_for_viewer(viewer=viewer, pk=pk, request=request)


def may_see_dashboard(viewer: User) -> bool:
    """Council staff, administrators and members of the Advisory Board."""
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if viewer.role in (User.Role.STAFF, User.Role.ADMINISTRATOR):
        return True
    return is_board_member(viewer)


def dashboard_check(*, viewer: User, request=None) -> None:
    if not may_see_dashboard(viewer):
        if request is not None:
            request.refused_object_type = "dashboard"
        raise Http404
