"""Decisions taken together: the proposal, how it is decided, and every voice in it."""

from django.db import models
from django.utils import timezone

from copro.core.models import BaseModel
from copro.core.provenance import Provenance
from copro.people.models import User
from copro.projects.models.project import Project, Stage


class Decision(BaseModel):
    class Method(models.TextChoices):
        CONSENSUS = "consensus", "Consensus: everyone agrees, and anyone can block"
        CONSENT = "consent", "Consent: it goes ahead unless someone has a reasoned objection"
        MAJORITY = "majority", "Majority vote"
        RANKED = "ranked", "Ranked choice"

    class Status(models.TextChoices):
        OPEN = "open", "Open for views"
        DECIDED = "decided", "Decided"

    class Kind(models.TextChoices):
        # What the decision is about. The evidence weighs decisions by kind (the weights are in
        # copro/projects/evidence/thresholds.py), so a run of trivial votes can neither dilute
        # nor inflate how far decisions are shared (docs/decisions/0024-evidence-rules-v2.md).
        PLAN = "plan", "The plan, the design or what the service does"
        MONEY = "money", "Money: the budget or what to spend it on"
        ROLES = "roles", "Who does what"
        WAY_OF_WORKING = "way_of_working", "How we work together"
        ARRANGEMENTS = "arrangements", "Arrangements, such as the next meeting's date"
        OTHER = "other", "Something else"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(max_length=150)
    proposal = models.TextField(max_length=5000)
    method = models.CharField(max_length=20, choices=Method.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    stage = models.CharField(max_length=20, choices=Stage.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    # Who put the proposal forward (a member of the project); the one who typed it in is
    # `created_by`.
    proposed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_by_kind = models.CharField(max_length=20, blank=True)
    outcome = models.TextField(blank=True, max_length=5000)
    decided_on = models.DateField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)
    # When the people running the project were reminded that the review is due (once only).
    review_reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class DecisionOption(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Position(Provenance, models.Model):
    """One person's vote or position, with equal weight. Entered by them, or for them by staff
    from what they said on paper or by phone (marked so)."""

    class Stance(models.TextChoices):
        AGREE = "agree", "I agree"
        DISAGREE = "disagree", "I disagree"
        ABSTAIN = "abstain", "I will not take part in this one"
        BLOCK = "block", "I block this (consensus)"
        OBJECT = "object", "I have a reasoned objection (consent)"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="positions")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="decision_positions")
    stance = models.CharField(max_length=10, choices=Stance.choices, blank=True)
    option = models.ForeignKey(
        DecisionOption, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    ranking = models.JSONField(default=list, blank=True)  # option ids, first choice first
    reason = models.TextField(blank=True, max_length=2000)
    kind = models.CharField(max_length=20)  # the member's kind when they took part
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_how = models.CharField(max_length=40, blank=True)  # "on paper", "by phone"
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # One person, one voice (CONC-2): a second submission updates, never duplicates.
            models.UniqueConstraint(fields=["decision", "user"], name="projects_one_position"),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.decision}"

    @property
    def on_behalf(self) -> bool:
        return self.recorded_by_id is not None and self.recorded_by_id != self.user_id
