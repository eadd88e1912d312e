"""Someone who can see a project asks to take part in it; the person who runs it answers."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from copro.people.models import User
from copro.projects.models.project import Project


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Not this time"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="join_requests")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="join_requests")
    message = models.TextField("why you would like to take part", max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    asked_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField("the reason", max_length=1000, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        constraints = [
            # One open request per person per project: asking twice changes nothing.
            models.UniqueConstraint(
                fields=["project", "person"],
                condition=Q(status="waiting"),
                name="projects_join_request_once",
            ),
            # A "no" always comes with a kind, plain reason.
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(reason=""),
                name="projects_join_declined_has_reason",
            ),
        ]
        indexes = [
            # A lead's waiting requests, and the staff "What's next" count.
            models.Index(fields=["project", "status"], name="projects_join_project_idx"),
            # "My requests" for the person.
            models.Index(fields=["person", "status"], name="projects_join_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} asks to join {self.project}"
