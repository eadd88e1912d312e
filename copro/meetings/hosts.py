"""Who belongs to a meeting's host - a project's current members or a network group's members -
and how each takes part (expert by experience or by qualification). Invitations, agenda leads
and fair scheduling all start from these people."""

from django.db.models import QuerySet
from django.urls import reverse

from copro.framework.models import NetworkGroup
from copro.meetings.models.taking_part import EXPERIENCE, QUALIFICATION
from copro.people.models import Profile, User
from copro.projects.models import Membership, Project

KIND_LABELS = {EXPERIENCE: "Expert by experience", QUALIFICATION: "Expert by qualification"}


def kind_of_person(user: User, profile: Profile | None = None) -> str:
    """Outside a project, how someone takes part comes from their profile ("both" counts as
    experience, so the reserved places and the evidence never lose them); without a profile,
    from whether they are a citizen."""
    if profile is not None:
        return EXPERIENCE if profile.is_expert_by_experience else QUALIFICATION
    return EXPERIENCE if user.role == User.Role.CITIZEN else QUALIFICATION


def kinds_of(users: list[User]) -> dict[int, str]:
    profiles = {p.user_id: p for p in Profile.objects.filter(user__in=users)}
    return {user.pk: kind_of_person(user, profiles.get(user.pk)) for user in users}


def people_of(host: Project | NetworkGroup) -> dict[int, str]:
    """user id -> kind, for everyone who currently belongs to the host."""
    if isinstance(host, NetworkGroup):
        users = list(User.objects.filter(group_memberships__group=host, is_active=True).distinct())
        return kinds_of(users)
    return dict(
        Membership.objects.filter(project=host, left_on__isnull=True).values_list("user_id", "kind")
    )


def users_of(host: Project | NetworkGroup) -> QuerySet[User]:
    if isinstance(host, NetworkGroup):
        return User.objects.filter(group_memberships__group=host).distinct()
    return User.objects.filter(
        project_memberships__project=host, project_memberships__left_on__isnull=True
    ).distinct()


def host_noun(host: Project | NetworkGroup) -> str:
    return "group" if isinstance(host, NetworkGroup) else "project"


def host_title(host: Project | NetworkGroup) -> str:
    return host.name if isinstance(host, NetworkGroup) else host.title


_ROUTES = {
    "project": {"list": "project", "plan": "plan", "suggest": "suggest"},
    "group": {"list": "group", "plan": "group_plan", "suggest": "group_suggest"},
}


def host_url(host: Project | NetworkGroup, name: str) -> str:
    """The list of a host's meetings, planning one, or suggesting times for one."""
    return reverse(f"meetings:{_ROUTES[host_noun(host)][name]}", args=[host.pk])


def host_context(host: Project | NetworkGroup) -> dict:
    """What every meetings page shows about where the meeting belongs."""
    is_group = isinstance(host, NetworkGroup)
    return {
        "host": host,
        "host_title": host_title(host),
        "host_noun": host_noun(host),
        "project": None if is_group else host,
        "group": host if is_group else None,
    }
