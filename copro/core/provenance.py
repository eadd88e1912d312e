"""Provenance: who entered a piece of evidence, how, when, and whether the person it is about
agrees with it (issue 15: "a record written entirely by the people being judged is not evidence").

Every record the staircase evidence reads about a person - a membership, an attendance, a
position on a decision, an idea - carries these fields (the abstract model `Provenance`).

- `entry_method`: entered by the person themselves, by the organiser at the time (a register
  taken at the meeting, a lead adding a member), or for the person from what they said on paper,
  by phone or in person, or imported.
- `entered_at`: when it was typed in (never editable), against the date the record is about.
- `recorded_late`: set when it is entered: the record is about a day more than
  `settings.EVIDENCE_LATE_DAYS` before it was entered (a back-dated membership, a past meeting
  marked attended a month later).
- `confirmation`: the person's own word: not asked, waiting, confirmed or contested (with a reason).

The rule the evidence applies (`counts_as_evidence`, and `counted_q()` for querysets): a
contested record never counts; a record that needs the person's confirmation - entered for them,
imported, or recorded late - counts only once they (or their supporter, with consent) confirm it;
anything else counts. Nothing counts against a person who does not answer: an unconfirmed record
is left out, it never lowers anyone's standing.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class EntryMethod(models.TextChoices):
    SELF = "self", "By the person themselves"
    ORGANISER = "organiser", "By the organiser at the time"
    PAPER = "paper", "For them, from what they wrote on paper"
    PHONE = "phone", "For them, from what they said on the phone"
    IN_PERSON = "in_person", "For them, from what they said in person"
    IMPORTED = "imported", "Imported from another record"


# Methods where someone else typed in what the person said or did.
FOR_THEM = (EntryMethod.PAPER, EntryMethod.PHONE, EntryMethod.IN_PERSON, EntryMethod.IMPORTED)


class Confirmation(models.TextChoices):
    NOT_ASKED = "not_asked", "Not asked"
    AWAITING = "awaiting", "Waiting for them to confirm"
    CONFIRMED = "confirmed", "Confirmed by them"
    CONTESTED = "contested", "They say this is not right"


def late_days() -> int:
    return getattr(settings, "EVIDENCE_LATE_DAYS", 14)


def is_late(*, about: datetime.date | datetime.datetime, entered_at: datetime.datetime) -> bool:
    """True when a record about `about` was entered more than EVIDENCE_LATE_DAYS after it."""
    if isinstance(about, datetime.datetime):
        about = timezone.localdate(about) if timezone.is_aware(about) else about.date()
    entered_on = timezone.localdate(entered_at) if timezone.is_aware(entered_at) else entered_at
    if isinstance(entered_on, datetime.datetime):
        entered_on = entered_on.date()
    return (entered_on - about).days > late_days()


def needs_confirmation_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}entry_method__in": list(FOR_THEM)}) | Q(
        **{f"{prefix}recorded_late": True}
    )


def counted_q(prefix: str = "") -> Q:
    """The records that count as evidence, as a filter: `Attendance.objects.filter(counted_q())`,
    or through a relation: `Meeting.objects.filter(counted_q("attendance__"))`."""
    confirmed = Q(**{f"{prefix}confirmation": Confirmation.CONFIRMED})
    contested = Q(**{f"{prefix}confirmation": Confirmation.CONTESTED})
    return ~contested & (~needs_confirmation_q(prefix) | confirmed)


class Provenance(models.Model):
    entry_method = models.CharField(
        max_length=20, choices=EntryMethod.choices, default=EntryMethod.SELF
    )
    entered_at = models.DateTimeField(default=timezone.now, editable=False)
    recorded_late = models.BooleanField(default=False)
    confirmation = models.CharField(
        max_length=20, choices=Confirmation.choices, default=Confirmation.NOT_ASKED
    )
    confirmation_at = models.DateTimeField(null=True, blank=True)
    # The person, or their supporter acting with consent.
    confirmation_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contest_reason = models.TextField(blank=True, max_length=1000)

    class Meta:
        abstract = True

    @property
    def entered_for_them(self) -> bool:
        return self.entry_method in FOR_THEM

    @property
    def needs_confirmation(self) -> bool:
        return self.entered_for_them or self.recorded_late

    @property
    def counts_as_evidence(self) -> bool:
        if self.confirmation == Confirmation.CONTESTED:
            return False
        return not self.needs_confirmation or self.confirmation == Confirmation.CONFIRMED


# How staff say someone gave what they typed in ("how they told you"), as the forms offer it.
HOW_THEY_TOLD_YOU = {
    "on paper": EntryMethod.PAPER,
    "by phone": EntryMethod.PHONE,
    "face to face": EntryMethod.IN_PERSON,
    "in person": EntryMethod.IN_PERSON,
}


def provenance_values(
    *, entry_method: str, about: datetime.date | datetime.datetime, now=None
) -> dict:
    """The provenance fields for a record entered (or entered again) now: the services that
    write memberships, attendance, positions and ideas all use this, so the rule is one rule.
    A record that needs the person's word starts as "waiting for them to confirm"."""
    now = now or timezone.now()
    late = is_late(about=about, entered_at=now)
    needs = entry_method in FOR_THEM or late
    return {
        "entry_method": entry_method,
        "entered_at": now,
        "recorded_late": late,
        "confirmation": Confirmation.AWAITING if needs else Confirmation.NOT_ASKED,
        "confirmation_at": None,
        "confirmation_by": None,
        "contest_reason": "",
    }
