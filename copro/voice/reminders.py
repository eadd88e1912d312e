"""Asking people for their word, by their chosen contact route (copro.notifications.notify).

Run daily by `copro confirmation_reminders` (idempotent). For each person: one message when
records are first waiting for them, and one reminder a week later (VOICE_REMIND_AFTER_DAYS)
for records they still have not answered. Never a third message about the same record:
nothing counts against a person who does not answer, so there is nothing to chase them for."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from copro.core.provenance import Confirmation
from copro.notifications.services import notify
from copro.people.models import User
from copro.voice import records
from copro.voice.models import Ask, RecordKind


def remind_after_days() -> int:
    return getattr(settings, "VOICE_REMIND_AFTER_DAYS", 7)


def _awaiting() -> dict[tuple[str, int], int]:
    """(kind, record id) -> person id, for every record waiting (one query per kind)."""
    waiting = {}
    for kind in RecordKind.values:
        person = f"{records.PERSON_FIELD[kind]}_id"
        rows = records.model_for(kind).objects.filter(confirmation=Confirmation.AWAITING)
        for pk, person_id in rows.values_list("pk", person):
            waiting[(kind, pk)] = person_id
    return waiting


def _tell(person_ids: set[int], *, kind: str, key: str, title: str, body: str) -> int:
    people = User.objects.filter(pk__in=person_ids)
    return len(
        notify(recipients=people, kind=kind, event_key=key, title=title, body=body, url="/voice/")
    )


@transaction.atomic
def run(*, now: datetime.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    waiting = _awaiting()
    asks = {(a.record_kind, a.record_id, a.person_id): a for a in Ask.objects.all()}
    new = [
        Ask(person_id=person, record_kind=kind, record_id=pk, asked_at=now)
        for (kind, pk), person in waiting.items()
        if (kind, pk, person) not in asks
    ]
    Ask.objects.bulk_create(new, ignore_conflicts=True)
    today = timezone.localdate(now).isoformat()
    asked = _tell(
        {a.person_id for a in new},
        kind="voice_ask",
        key=f"voice-ask:{today}",
        title="Please check what was recorded about you",
        body="Some things were recorded about you in a project. Please tell us if they are "
        "right. If you do not answer, nothing counts against you.",
    )
    due_before = now - datetime.timedelta(days=remind_after_days())
    due = [
        a
        for key, a in asks.items()
        if a.reminded_at is None and a.asked_at <= due_before and key[:2] in waiting
    ]
    Ask.objects.filter(pk__in=[a.pk for a in due]).update(reminded_at=now)
    reminded = _tell(
        {a.person_id for a in due},
        kind="voice_ask",
        key=f"voice-remind:{today}",
        title="A reminder: please check what was recorded about you",
        body="This is the only reminder we will send. If you do not answer, nothing counts "
        "against you.",
    )
    return {"asked": asked, "reminded": reminded}
