"""Telling members what needs them, through copro.notifications (each by their own routes)."""

from django.urls import reverse

from copro.notifications import kinds
from copro.notifications.services import notify
from copro.projects.models import Contribution, Decision


def register_kinds() -> None:
    kinds.register("decision_opened", "A decision is waiting for your view")
    kinds.register("idea_answered", "Your idea or concern has an answer")


def tell_decision_opened(decision: Decision, by) -> None:
    members = decision.project.memberships.filter(left_on__isnull=True).select_related("user")
    notify(
        recipients=[m.user for m in members if m.user_id != by.pk],
        kind="decision_opened",
        event_key=f"decision:{decision.pk}:opened",
        title=f"Your view is wanted: {decision.title}"[:200],
        body=f"{decision.project.title} has a decision to make. Tell us what you think.",
        url=reverse("projects:decision", args=[decision.project_id, decision.pk]),
    )


def tell_idea_answered(contribution: Contribution) -> None:
    """The answer itself is e-mailed by copro.projects.emails."""
    notify(
        recipients=[contribution.raised_by],
        kind="idea_answered",
        event_key=f"contribution:{contribution.pk}:answered:{contribution.status}",
        title=f"Your idea has an answer: {contribution.get_status_display()}"[:200],
        body=contribution.response[:1000],
        url=reverse("projects:you_said", args=[contribution.project_id]),
        emailed_already=True,
    )
