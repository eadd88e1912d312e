"""You said, we did: ideas and concerns members raise, what was done about them, and actions."""

from django.db import models
from django.utils import timezone

from copro.core.models import BaseModel
from copro.core.provenance import Provenance
from copro.people.models import User
from copro.projects.models.decision import Decision
from copro.projects.models.project import Project, Stage


class Action(BaseModel):
    class Status(models.TextChoices):
        TO_DO = "to_do", "To do"
        DOING = "doing", "Being done"
        DONE = "done", "Done"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.TO_DO)

    class Meta:
        ordering = ["status", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Contribution(Provenance, BaseModel):
    class Kind(models.TextChoices):
        IDEA = "idea", "An idea"
        CONCERN = "concern", "A concern"
        SUGGESTION = "suggestion", "A suggestion"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for an answer"
        CONSIDERING = "considering", "Being considered"
        ADOPTED = "adopted", "Adopted: we did it"
        ADAPTED = "adapted", "Adapted: we did part of it, or did it differently"
        NOT_ADOPTED = "not_adopted", "Not adopted"
        OUT_OF_OUR_HANDS = "out_of_our_hands", "Out of our hands"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="contributions")
    raised_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(max_length=3000)
    stage = models.CharField(max_length=20, choices=Stage.choices)
    member_kind = models.CharField(max_length=20)  # experience or qualification, when raised
    raised_at = models.DateTimeField(default=timezone.now)
    # Blank when the person who typed it in has left, and on demo ideas: answering must still work.
    entered_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WAITING)
    response = models.TextField(blank=True, max_length=3000)
    responded_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    decisions = models.ManyToManyField(Decision, blank=True, related_name="contributions")
    actions = models.ManyToManyField(Action, blank=True, related_name="contributions")

    # The reference made when the form was shown: the same form sent twice (a double click)
    # makes one idea. Empty for ideas entered another way.
    request_key = models.CharField(max_length=100, blank=True, default="", editable=False)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["raised_by", "request_key"],
                condition=~models.Q(request_key=""),
                name="projects_contribution_one_per_request_key",
            ),
            # "Not adopted" and "out of our hands" always come with the reason.
            models.CheckConstraint(
                condition=~models.Q(status__in=["not_adopted", "out_of_our_hands"])
                | ~models.Q(response=""),
                name="projects_refusal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def answered(self) -> bool:
        return self.status not in (self.Status.WAITING,)
