"""Who may see and do what in conversations and polls. A thread, post or poll someone may not
see answers 404, exactly like one that does not exist (AZ-1).

Readers of a project's conversations: its current members, and the moderators whose remit
covers the project (every project, or that one). Nobody else - not staff outside the project,
not administrators - unless the council makes them a moderator."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from copro.conversations.models import Moderator, Poll, Post, Thread
from copro.people.models import User
from copro.projects import permissions as project_perms
from copro.projects.models import Membership, Project


@dataclass(frozen=True)
class Access:
    membership: Membership | None
    moderator: bool
    lead: bool

    @property
    def member(self) -> bool:
        return self.membership is not None


def _refuse(request, kind: str):
    if request is not None:
        request.refused_object_type = kind
    raise Http404


def moderates(*, viewer: User, project: Project) -> bool:
    if not viewer.is_authenticated:
        return False
    return Moderator.objects.filter(
        Q(project__isnull=True) | Q(project=project), user=viewer
    ).exists()


def moderated_projects(*, viewer: User) -> QuerySet[Project] | None:
    """The projects in the viewer's remit: None for every project, else a queryset."""
    roles = list(Moderator.objects.filter(user=viewer).values_list("project_id", flat=True))
    if None in roles:
        return None
    return Project.objects.filter(pk__in=roles)


def access_to(*, viewer: User, project: Project) -> Access:
    membership = project_perms.membership_of(viewer=viewer, project=project)
    return Access(
        membership=membership,
        moderator=moderates(viewer=viewer, project=project),
        lead=membership is not None and membership.role == Membership.Role.LEAD,
    )


def project_get_for_reader(*, viewer: User, pk: int, request=None) -> tuple[Project, Access]:
    project = Project.objects.filter(pk=pk).first() if viewer.is_authenticated else None
    if project is None:
        _refuse(request, "project")
    access = access_to(viewer=viewer, project=project)
    if not (access.member or access.moderator):
        _refuse(request, "project")
    return project, access


def thread_get_for_reader(*, viewer: User, pk: int, request=None) -> tuple[Thread, Access]:
    thread = (
        Thread.objects.select_related("project", "decision", "paper__meeting", "idea", "proposal")
        .filter(pk=pk)
        .first()
    )
    if thread is None or not viewer.is_authenticated:
        _refuse(request, "thread")
    access = access_to(viewer=viewer, project=thread.project)
    if not (access.member or access.moderator):
        _refuse(request, "thread")
    return thread, access


def post_get_for_reader(
    *, viewer: User, thread_pk: int, pk: int, request=None
) -> tuple[Post, Access]:
    """A post in a thread the viewer may read. A post hidden by a moderator is found only by
    its author and moderators (MOD-1)."""
    thread, access = thread_get_for_reader(viewer=viewer, pk=thread_pk, request=request)
    post = Post.objects.filter(pk=pk, thread=thread).select_related("thread").first()
    if post is None:
        _refuse(request, "post")
    if post.status == Post.Status.HIDDEN and not (access.moderator or post.author_id == viewer.pk):
        _refuse(request, "post")
    return post, access


def post_get_for_author(*, viewer: User, thread_pk: int, pk: int, request=None) -> Post:
    post, _access = post_get_for_reader(viewer=viewer, thread_pk=thread_pk, pk=pk, request=request)
    if post.author_id != viewer.pk or post.status == Post.Status.DELETED:
        _refuse(request, "post")
    return post


def post_get_for_moderator(*, viewer: User, thread_pk: int, pk: int, request=None) -> Post:
    post, access = post_get_for_reader(viewer=viewer, thread_pk=thread_pk, pk=pk, request=request)
    if not access.moderator:
        _refuse(request, "post")
    return post


def poll_get_for_member(*, viewer: User, pk: int, request=None) -> tuple[Poll, Access]:
    poll = Poll.objects.select_related("project", "meeting").filter(pk=pk).first()
    if poll is None or not viewer.is_authenticated:
        _refuse(request, "poll")
    access = access_to(viewer=viewer, project=poll.project)
    if not (access.member or access.moderator):
        _refuse(request, "poll")
    return poll, access


def can_run(*, viewer: User, access: Access) -> bool:
    """Closing threads and polls, entering a view for someone: those who run the project."""
    return access.lead or viewer.role == User.Role.ADMINISTRATOR and access.member
