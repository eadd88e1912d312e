"""Reads for project pages, each a fixed number of queries whatever the project's size."""

from django.db.models import Count, Prefetch, Q

from copro.people.models import User
from copro.projects.models import (
    Contribution,
    Decision,
    Membership,
    Position,
    Project,
)


def project_page(*, project: Project) -> dict:
    members = list(
        Membership.objects.filter(project=project)
        .select_related("user")
        .order_by("left_on", "joined_on", "pk")
    )
    decisions = list(
        Decision.objects.filter(project=project).annotate(
            voices=Count("positions"),
            experience_voices=Count("positions", filter=Q(positions__kind="experience")),
        )
    )
    contributions = Contribution.objects.filter(project=project)
    counts = contributions.aggregate(
        total=Count("pk"), waiting=Count("pk", filter=Q(status="waiting"))
    )
    current = [m for m in members if m.left_on is None]
    return {
        "members": members,
        "current_members": current,
        # For people not signed in: how many of each kind, with no names (issue 17).
        "member_kinds": {
            "experience": sum(m.kind == Membership.Kind.EXPERIENCE for m in current),
            "qualification": sum(m.kind == Membership.Kind.QUALIFICATION for m in current),
        },
        "decisions": decisions,
        "stage_changes": list(project.stage_changes.all()),
        "contribution_counts": counts,
        "actions": list(project.actions.select_related("owner")),
    }


def decision_page(*, decision: Decision) -> dict:
    positions = list(
        Position.objects.filter(decision=decision).select_related("user", "option", "recorded_by")
    )
    options = list(decision.options.all())
    tally = {o.pk: 0 for o in options}
    for position in positions:
        if position.option_id in tally:
            tally[position.option_id] += 1
    return {
        "positions": positions,
        "options": options,
        "tally": [(o, tally[o.pk]) for o in options],
        "stances": _stance_counts(positions),
        "without_experience": decision.status == Decision.Status.DECIDED
        and not any(p.kind == Membership.Kind.EXPERIENCE for p in positions),
    }


def _stance_counts(positions) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    labels = dict(Position.Stance.choices)
    for p in positions:
        if p.stance:
            counts[labels[p.stance]] = counts.get(labels[p.stance], 0) + 1
    return sorted(counts.items())


def contributions_for(*, project: Project) -> list[Contribution]:
    return list(
        Contribution.objects.filter(project=project)
        .select_related("raised_by", "responded_by", "entered_by")
        .prefetch_related(Prefetch("decisions", queryset=Decision.objects.only("pk", "title")))
    )


def people_without_email(*, viewer):
    """For staff adding members: the people who take part without email, whose records staff
    keep (issue 16). None for anyone else, who adds members by email only."""
    if not viewer.is_council_staff:
        return None
    return User.objects.filter(
        email__isnull=True, is_active=True, profile__staff_contact__isnull=False
    ).order_by("display_name")
