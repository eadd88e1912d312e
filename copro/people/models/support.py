"""Taking part with help: a named supporter who may act for someone, with their consent, and a
record of everything entered on someone's behalf that the person can read."""

from django.db import models
from django.utils import timezone

from copro.people.models.user import User


class Supporter(models.Model):
    """A family member, carer or advocate who may act for a person while consent stands."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="supporters")
    supporter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="supporting")
    relationship = models.CharField(max_length=80, blank=True)
    consent_recorded_at = models.DateTimeField(default=timezone.now)
    consent_recorded_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-consent_recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(person=models.F("supporter")),
                name="people_supporter_not_self",
            ),
            # At most one current consent for each pair.
            models.UniqueConstraint(
                fields=["person", "supporter"],
                condition=models.Q(revoked_at__isnull=True),
                name="people_supporter_current_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supporter} supports {self.person}"


class AssistedEntry(models.Model):
    """Something entered for a person by someone else: shown to the person (AZ-9)."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assisted_entries")
    entered_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    summary = models.CharField(max_length=200)
    how = models.CharField(max_length=40, blank=True)  # e.g. "by phone", "on paper"
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.summary
