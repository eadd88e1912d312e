"""The members' own word (issue 15, items 7-9): what people say about the records kept about
them, how taking part felt, and what changed.

- `RecordEvent`: the append-only history of a record's confirmation: confirmed, contested (with
  the reason), and how the project resolved a contest. A correction is a new row; no row is ever
  changed or deleted (LOG-5 style: who, when, what, why).
- `AnswerVerdict`: whether the answer to someone's idea answered it (yes / partly / no).
- `Ask`: when a person was asked to confirm a record, and the one reminder (never more).
- `CheckIn`: a short check-in every few months (Nordin et al., BMJ Open 2023), only ever shown
  added up and with small numbers suppressed.
- `Outcome` and `OutcomeMeasure`: what a project aims to change, measured before and after.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from copro.core.models import BaseModel
from copro.people.models import User
from copro.projects.models import Contribution, Project


class RecordKind(models.TextChoices):
    MEMBERSHIP = "membership", "That you are a member"
    ATTENDANCE = "attendance", "That you came to a meeting"
    POSITION = "position", "Your view on a decision"
    IDEA = "idea", "An idea entered for you"


class AppendOnly(models.Model):
    """Rows are added, never changed or deleted (the services only ever create them)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("This history is append-only: add a new entry instead")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("This history is append-only: add a new entry instead")


class RecordEvent(AppendOnly):
    class Action(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed it"
        CONTESTED = "contested", "Said it is not right"
        WITHDRAWN = "withdrawn", "Agreed and left it out of the evidence"
        ASKED_AGAIN = "asked_again", "Checked it and asked them again"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    # The person the record is about.
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="record_events")
    record_kind = models.CharField(max_length=20, choices=RecordKind.choices)
    record_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=20, choices=Action.choices)
    # Who did it: the person, their supporter with consent, or whoever runs the project.
    by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    # What the record said at the time, so a later change never rewrites the history.
    summary = models.CharField(max_length=300)
    reason = models.TextField(blank=True, max_length=1000)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            # The project's history page and its list of records still contested.
            models.Index(fields=["project", "at"], name="voice_event_project_idx"),
            # One record's history.
            models.Index(fields=["record_kind", "record_id"], name="voice_event_record_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.summary}"

    @property
    def for_them(self) -> bool:
        return self.by_id is not None and self.by_id != self.person_id


class AnswerVerdict(AppendOnly):
    class Verdict(models.TextChoices):
        YES = "yes", "Yes, it answered my idea"
        PARTLY = "partly", "Partly"
        NO = "no", "No, it did not answer my idea"

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="answer_verdicts")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    comment = models.TextField(blank=True, max_length=1000)
    given_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)
    # The answer this verdict is about: a new answer asks again.
    about_response_at = models.DateTimeField()

    class Meta:
        ordering = ["-given_at", "-pk"]
        indexes = [
            # "Has this answer been judged?" for the person's list.
            models.Index(fields=["contribution", "about_response_at"], name="voice_verdict_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} ({self.contribution_id})"


class Ask(models.Model):
    """One per record and person: asked once, reminded at most once, then never again."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    record_kind = models.CharField(max_length=20, choices=RecordKind.choices)
    record_id = models.PositiveBigIntegerField()
    asked_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["record_kind", "record_id", "person"], name="voice_ask_once"
            ),
        ]
        indexes = [
            # The reminder run: asks not yet reminded, oldest first.
            models.Index(fields=["reminded_at", "asked_at"], name="voice_ask_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.record_kind} {self.record_id} for {self.person_id}"


class CheckIn(models.Model):
    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    QUESTIONS = (
        ("heard", "I was heard"),
        ("could_change", "I could change things"),
        ("equal", "I was treated as an equal"),
        ("could_get_there", "I could get to the meetings and take part"),
        ("got_back", "I got something back for my time"),
    )

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    # Kept when the person is erased (the answers are only ever shown added up).
    person = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="project_check_ins"
    )
    member_kind = models.CharField(max_length=20)  # experience or qualification, when answered
    submitted_on = models.DateField(default=timezone.localdate)
    heard = models.CharField(max_length=10, choices=Answer.choices)
    could_change = models.CharField(max_length=10, choices=Answer.choices)
    equal = models.CharField(max_length=10, choices=Answer.choices)
    could_get_there = models.CharField(max_length=10, choices=Answer.choices)
    got_back = models.CharField(max_length=10, choices=Answer.choices)

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        indexes = [
            # The project's aggregate over the recent check-ins.
            models.Index(fields=["project", "submitted_on"], name="voice_checkin_project_idx"),
            # "Is my next check-in due?"
            models.Index(
                fields=["person", "project", "submitted_on"], name="voice_checkin_due_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Check-in for {self.project_id} on {self.submitted_on}"


class Outcome(BaseModel):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    aim = models.CharField(max_length=200)  # "Fewer missed appointments"
    measure = models.CharField(max_length=200)  # how we will know: "appointments missed a month"

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.aim


class OutcomeMeasure(AppendOnly):
    class When(models.TextChoices):
        BEFORE = "before", "Before"
        AFTER = "after", "After"

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="measures")
    when = models.CharField(max_length=10, choices=When.choices)
    value = models.CharField(max_length=100)
    measured_on = models.DateField()
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["measured_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_when_display()}: {self.value}"
