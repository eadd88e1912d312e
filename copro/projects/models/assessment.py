"""How far power is shared: members' own view, and the placement the record supports."""

from django.db import models
from django.utils import timezone

from copro.framework.models import StaircaseStep
from copro.people.models import User
from copro.projects.models.project import Project


class SelfAssessment(models.Model):
    """One member's answer to "where is this project on the staircase?"."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assessments")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="project_assessments")
    kind = models.CharField(max_length=20)  # the member's kind when they answered
    step = models.ForeignKey(StaircaseStep, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-answered_at"]

    def __str__(self) -> str:
        return f"{self.user} puts {self.project} at {self.step}"


class Placement(models.Model):
    """The step the evidence supports, stored each time it changes so the trend can be shown."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="placements")
    step = models.ForeignKey(StaircaseStep, on_delete=models.PROTECT, related_name="+")
    signals = models.JSONField(default=list)
    warnings = models.JSONField(default=list)
    placed_at = models.DateTimeField(default=timezone.now)
    # The version of the rule set that made this placement (copro/projects/evidence/rules.py),
    # so the trend can mark where the rules changed.
    rules_version = models.CharField(max_length=20, blank=True)
    # False when the record was not enough to judge ("not enough evidence yet").
    enough_evidence = models.BooleanField(default=True)

    class Meta:
        ordering = ["-placed_at"]

    def __str__(self) -> str:
        return f"{self.project}: {self.step}"


class AdviceRequest(models.Model):
    """A question a project asks the Advisory Board; board members answer on the project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="advice_requests")
    question = models.TextField(max_length=3000)
    asked_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-asked_at"]

    def __str__(self) -> str:
        return self.question[:60]


class AdviceAnswer(models.Model):
    request = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="answers")
    answered_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=3000)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["answered_at"]

    def __str__(self) -> str:
        return self.text[:60]
