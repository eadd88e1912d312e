"""A project, its stages over time, and who takes part in it."""

from django.db import models
from django.urls import reverse

from copro.core.models import BaseModel
from copro.core.provenance import EntryMethod, Provenance
from copro.people.models import User


class Stage(models.TextChoices):
    IDEA = "idea", "Idea"
    DESIGN = "design", "Design"
    DELIVERY = "delivery", "Delivery"
    EVALUATION = "evaluation", "Evaluation"
    CLOSED = "closed", "Closed"


STAGE_ORDER = [Stage.IDEA, Stage.DESIGN, Stage.DELIVERY, Stage.EVALUATION, Stage.CLOSED]


class Project(BaseModel):
    class Visibility(models.TextChoices):
        MEMBERS = "members", "Only the project's members"
        SIGNED_IN = "signed_in", "Everyone who has signed in"
        PUBLIC = "public", "Published: anyone, without signing in"

    title = models.CharField(max_length=150)
    summary = models.TextField(max_length=5000)
    service_area = models.CharField(max_length=100, blank=True)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.IDEA)
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])

    def who_can_see(self) -> str:
        """The visibility as a sentence for the project page (the choice labels suit a form)."""
        return {
            self.Visibility.MEMBERS: "only the project's members",
            self.Visibility.SIGNED_IN: "everyone who has signed in",
            self.Visibility.PUBLIC: "anyone, without signing in",
        }[self.visibility]


class StageChange(models.Model):
    """When the project entered each stage: the evidence needs the dates."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_on = models.DateField()
    changed_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["changed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.project}: {self.get_stage_display()} from {self.changed_on}"


class Membership(Provenance, BaseModel):
    class Kind(models.TextChoices):
        EXPERIENCE = "experience", "Expert by experience"
        QUALIFICATION = "qualification", "Expert by qualification"

    class Role(models.TextChoices):
        LEAD = "lead", "Runs the project"
        MEMBER = "member", "Member"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="project_memberships")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    # Usually typed in by the lead or the organiser, not by the person (copro/core/provenance.py).
    entry_method = models.CharField(
        max_length=20, choices=EntryMethod.choices, default=EntryMethod.ORGANISER
    )

    class Meta:
        ordering = ["joined_on", "pk"]
        constraints = [
            # One current membership per person per project.
            models.UniqueConstraint(
                fields=["project", "user"],
                condition=models.Q(left_on__isnull=True),
                name="projects_member_once",
            ),
        ]
        indexes = [
            # project_list_visible: "projects where I am a current member".
            models.Index(fields=["user", "left_on"], name="projects_member_user_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.project}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None
