"""Writes for the members' own word. Each runs in one transaction; every change to a record's
confirmation adds a row to the append-only history (RecordEvent) and never rewrites one."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.core.provenance import Confirmation
from copro.notifications.services import notify
from copro.people.models import User
from copro.projects.models import Contribution, Membership, Project
from copro.voice import records
from copro.voice.models import (
    AnswerVerdict,
    CheckIn,
    Outcome,
    OutcomeMeasure,
    RecordEvent,
)
from copro.voice.selectors import checkin_every_days


def _refresh(project: Project) -> None:
    """What counts as evidence has changed: place the project again."""
    from copro.projects.evidence.placement import placement_refresh

    placement_refresh(project=project)


def _locked(item: records.Item):
    return records.model_for(item.kind).objects.select_for_update().get(pk=item.record.pk)


def _event(item: records.Item, *, action: str, by: User, reason: str = "") -> RecordEvent:
    event = RecordEvent(
        project=item.project,
        person_id=item.person_id,
        record_kind=item.kind,
        record_id=item.record.pk,
        action=action,
        by=by,
        summary=item.summary[:300],
        reason=reason,
    )
    event.full_clean()
    event.save()
    return event


def _set(row, **values) -> None:
    for name, value in values.items():
        setattr(row, name, value)
    row.save(update_fields=list(values))


@transaction.atomic
def record_confirm(*, item: records.Item, by: User) -> RecordEvent:
    """The person (or their supporter, with consent) says the record is right. The caller has
    checked who may answer (permissions.record_get_for_person)."""
    row = _locked(item)
    if row.confirmation != Confirmation.AWAITING:
        raise ValidationError("This record is not waiting for you to confirm it")
    _set(
        row, confirmation=Confirmation.CONFIRMED, confirmation_at=timezone.now(), confirmation_by=by
    )
    event = _event(item, action=RecordEvent.Action.CONFIRMED, by=by)
    _refresh(item.project)
    return event


@transaction.atomic
def record_contest(*, item: records.Item, reason: str, by: User) -> RecordEvent:
    """The person says the record is not right, and why. It stops counting as evidence at
    once and is listed for whoever runs the project until they resolve it."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say what is not right, so the project can check it"})
    row = _locked(item)
    if row.confirmation == Confirmation.CONTESTED:
        raise ValidationError("You have already said this record is not right")
    _set(
        row,
        confirmation=Confirmation.CONTESTED,
        confirmation_at=timezone.now(),
        confirmation_by=by,
        contest_reason=reason,
    )
    event = _event(item, action=RecordEvent.Action.CONTESTED, by=by, reason=reason)
    leads = User.objects.filter(
        project_memberships__project=item.project,
        project_memberships__role=Membership.Role.LEAD,
        project_memberships__left_on__isnull=True,
    )
    notify(
        recipients=leads,
        kind="voice_contested",
        event_key=f"voice-contested:{event.pk}",
        title=f"Someone says a record in “{item.project.title}” is not right",
        body="It does not count as evidence until you check it.",
        url=f"/voice/projects/{item.project.pk}/records/",
    )
    _refresh(item.project)
    return event


@transaction.atomic
def record_resolve(*, item: records.Item, action: str, reason: str, by: User) -> RecordEvent:
    """Whoever runs the project answers a contest: agree and leave the record out of the
    evidence for good, or explain and ask the person again. Either way a new history entry;
    the contest and its reason stay visible."""
    if action not in (RecordEvent.Action.WITHDRAWN, RecordEvent.Action.ASKED_AGAIN):
        raise ValidationError({"action": "Choose what to do about it"})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why, so the person and auditors can see it"})
    row = _locked(item)
    if row.confirmation != Confirmation.CONTESTED:
        raise ValidationError("This record is not questioned")
    if RecordEvent.objects.filter(
        record_kind=item.kind, record_id=item.record.pk, action=RecordEvent.Action.WITHDRAWN
    ).exists():
        raise ValidationError("This record has already been left out of the evidence")
    if action == RecordEvent.Action.ASKED_AGAIN:
        _set(row, confirmation=Confirmation.AWAITING, confirmation_at=None, confirmation_by=None)
    event = _event(item, action=action, by=by, reason=reason)
    notify(
        recipients=[User.objects.get(pk=item.person_id)],
        kind="voice_asked_again",
        event_key=f"voice-resolved:{event.pk}",
        title="A record you questioned has been checked",
        body=f"{item.summary}. {event.get_action_display()}: {reason}",
        url="/voice/",
    )
    _refresh(item.project)
    return event


@transaction.atomic
def answer_verdict_give(
    *, contribution: Contribution, verdict: str, comment: str, by: User
) -> AnswerVerdict:
    """Whether the answer to an idea answered it. A newer verdict adds a row (append-only)."""
    if contribution.responded_at is None:
        raise ValidationError("This idea has not been answered yet")
    given = AnswerVerdict(
        contribution=contribution,
        person=contribution.raised_by,
        verdict=verdict,
        comment=comment.strip(),
        given_by=by,
        about_response_at=contribution.responded_at,
    )
    given.full_clean()
    given.save()
    return given


@transaction.atomic
def checkin_submit(*, membership: Membership, answers: dict[str, str], by: User) -> CheckIn:
    """A member's short check-in: once every few months per project."""
    since = timezone.localdate() - datetime.timedelta(days=checkin_every_days())
    if CheckIn.objects.filter(
        person=membership.user, project=membership.project, submitted_on__gt=since
    ).exists():
        raise ValidationError("You have already answered for this project recently. Thank you.")
    check_in = CheckIn(
        project=membership.project,
        person=membership.user,
        member_kind=membership.kind,
        **{code: answers.get(code, "") for code, _q in CheckIn.QUESTIONS},
    )
    check_in.full_clean()
    check_in.save()
    return check_in


@transaction.atomic
def outcome_add(*, project: Project, aim: str, measure: str, by: User) -> Outcome:
    outcome = Outcome(project=project, aim=aim, measure=measure, created_by=by, updated_by=by)
    outcome.full_clean()
    outcome.save()
    return outcome


@transaction.atomic
def outcome_measure_add(
    *, outcome: Outcome, when: str, value: str, measured_on: datetime.date, by: User
) -> OutcomeMeasure:
    measure = OutcomeMeasure(
        outcome=outcome, when=when, value=value, measured_on=measured_on, recorded_by=by
    )
    measure.full_clean()
    measure.save()
    return measure
