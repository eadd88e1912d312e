"""Quick polls (one question, a few options) and time polls (which of these times suit you?).
A poll is not a decision: decisions are taken in projects' decisions, with their own method."""

from django.db import models
from django.urls import reverse

from copro.core.models import BaseModel
from copro.meetings.models import Meeting
from copro.people.models import User
from copro.projects.models import Project


class Poll(BaseModel):
    class Kind(models.TextChoices):
        QUICK = "quick", "Quick poll"
        TIME = "time", "Finding a time to meet"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="polls")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    question = models.CharField(max_length=200)
    anonymous = models.BooleanField(default=False)
    closes_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(default=90)  # time polls
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The project's polls page.
            models.Index(fields=["project", "-created_at"], name="conv_poll_project_idx"),
        ]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("conversations:poll", args=[self.pk])


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(max_length=200, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True)  # time polls
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text or str(self.starts_at)


class Vote(models.Model):
    """One person's answer to a quick poll: one row per person, changed on a second go."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="poll_votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    voted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="conv_one_vote_per_person")
        ]

    def __str__(self) -> str:
        return f"Vote in poll {self.poll_id}"


class TimeAnswer(models.Model):
    """Yes, if need be, or no, for one proposed time: one row per person and time."""

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        IF_NEED_BE = "if_need_be", "If need be"
        NO = "no", "No"

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="time_answers")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="time_answers")
    voter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="poll_time_answers")
    answer = models.CharField(max_length=12, choices=Answer.choices)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["option", "voter"], name="conv_one_time_answer_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.answer} for option {self.option_id}"
