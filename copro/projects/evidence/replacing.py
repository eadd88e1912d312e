"""Placing every project again when the rules change (RULES_VERSION), as a command
(`copro replace_projects`) and as a background task (`replace_projects_task`).

`placement_refresh` stores a new placement whenever the version differs from the last one
stored, so each project's trend gets a row marked "the rules changed" even when its step stays
the same; running it again with nothing new stores nothing.
"""

from django.db.models import OuterRef, Q, Subquery
from django_tasks import task

from copro.projects.evidence.placement import placement_refresh
from copro.projects.evidence.rules import RULES_VERSION
from copro.projects.models import Placement, Project


def projects_to_replace(*, everything: bool = False):
    """Projects whose latest placement was made by other rules (or that have none)."""
    projects = Project.objects.order_by("pk")
    if everything:
        return projects
    latest = (
        Placement.objects.filter(project=OuterRef("pk"))
        .order_by("-placed_at", "-pk")
        .values("rules_version")[:1]
    )
    return projects.annotate(latest_rules=Subquery(latest)).filter(
        Q(latest_rules__isnull=True) | ~Q(latest_rules=RULES_VERSION)
    )


def projects_replace(*, everything: bool = False) -> tuple[int, int]:
    """Place the projects again; returns (checked, stored)."""
    checked = stored = 0
    for project in projects_to_replace(everything=everything).iterator(chunk_size=100):
        checked += 1
        if placement_refresh(project=project) is not None:
            stored += 1
    return checked, stored


@task()
def replace_projects_task(everything: bool = False) -> dict:
    checked, stored = projects_replace(everything=everything)
    return {"rules_version": RULES_VERSION, "checked": checked, "stored": stored}
