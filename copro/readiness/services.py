"""Writes for readiness and audits. Each runs in one transaction and refuses with a
`ValidationError` a form can show.

Scores: one row per participant per statement (a unique constraint). Saving scores locks the
participant's row first, so a double submit, or the same form sent from two tabs at once, is
applied one after the other and updates the rows instead of adding new ones (CONC-1).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.core.words import date_for_people
from copro.framework.models import SevenStep
from copro.people.models import User
from copro.projects.models import Membership, Project
from copro.readiness.models import (
    HIGHEST_SCORE,
    LOWEST_SCORE,
    AuditAction,
    AuditParticipant,
    AuditRound,
    AuditScore,
    AuditStatement,
    Readiness,
    ReadinessChange,
)

# Readiness


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return date_for_people(value)
    return str(value)


def _owner_name(user: User | None) -> str:
    return user.display_name if user is not None else ""


def readiness_update(
    *,
    step: SevenStep,
    status: str,
    owner: User | None,
    evidence: str,
    review_on: datetime.date | None,
    by: User,
) -> Readiness:
    """Record where the organisation is with a step, and one change row for each field that
    changed (who, when, before and after)."""
    with transaction.atomic():
        record, _ = Readiness.objects.select_for_update().get_or_create(
            step=step, defaults={"created_by": by}
        )
        before = {
            "Status": record.get_status_display(),
            "Owner": _owner_name(record.owner),
            "Evidence": record.evidence,
            "Review date": _text(record.review_on),
        }
        record.status = status
        record.owner = owner
        record.evidence = (evidence or "").strip()
        record.review_on = review_on
        record.updated_by = by
        record.full_clean()
        record.save()
        after = {
            "Status": record.get_status_display(),
            "Owner": _owner_name(owner),
            "Evidence": record.evidence,
            "Review date": _text(review_on),
        }
        now = timezone.now()
        ReadinessChange.objects.bulk_create(
            ReadinessChange(
                readiness=record,
                changed_by=by,
                changed_at=now,
                what=what,
                before=before[what],
                after=after[what],
            )
            for what in before
            if before[what] != after[what]
        )
    return record


# Audit rounds


def round_start(*, title: str, project: Project | None, held_on: datetime.date, by: User):
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Give the round a name"})
    with transaction.atomic():
        found = AuditRound(
            title=title, project=project, held_on=held_on, created_by=by, updated_by=by
        )
        found.full_clean()
        found.save()
    return found


def kind_for(*, person: User, project: Project | None) -> str:
    """How someone takes part: their kind of membership of the project being audited; else
    council staff are experts by qualification; else what their profile says ("both" counts
    as experience); with no profile, a citizen is an expert by experience."""
    if project is not None:
        membership = Membership.objects.filter(
            project=project, user=person, left_on__isnull=True
        ).first()
        if membership is not None:
            return membership.kind
    if person.is_council_staff:  # paid to be there, as the rewards rules say
        return AuditParticipant.Kind.QUALIFICATION
    profile = getattr(person, "profile", None)
    if profile is not None and not profile.is_expert_by_experience:
        return AuditParticipant.Kind.QUALIFICATION
    return AuditParticipant.Kind.EXPERIENCE


def _check_open(found: AuditRound) -> None:
    if not found.is_open:
        raise ValidationError("This round is closed, so it cannot be changed.")


def participant_add(*, round: AuditRound, person: User, by: User) -> AuditParticipant:
    """Add someone to the round. Adding someone already in it changes nothing."""
    with transaction.atomic():
        found = AuditRound.objects.select_for_update().get(pk=round.pk)
        _check_open(found)
        if not person.is_active:
            raise ValidationError({"person": "Choose someone who still takes part"})
        if (
            found.project_id
            and not Membership.objects.filter(
                project_id=found.project_id, user=person, left_on__isnull=True
            ).exists()
        ):
            raise ValidationError({"person": "Choose a current member of the project"})
        participant, _ = AuditParticipant.objects.get_or_create(
            round=found,
            person=person,
            defaults={
                "kind": kind_for(person=person, project=found.project),
                "created_by": by,
                "updated_by": by,
            },
        )
    return participant


def scores_save(*, participant: AuditParticipant, scores: dict[int, int | None]) -> int:
    """Save a participant's own scores: statement id -> 1 to 5, or None for "not sure" (which
    removes an earlier score). Returns how many statements now have a score."""
    with transaction.atomic():
        participant = AuditParticipant.objects.select_for_update().get(pk=participant.pk)
        found = AuditRound.objects.get(pk=participant.round_id)
        _check_open(found)
        known = set(AuditStatement.objects.filter(pk__in=scores).values_list("pk", flat=True))
        if set(scores) - known:
            raise ValidationError("Score only the statements on the page.")
        for statement_id, score in scores.items():
            if score is None:
                AuditScore.objects.filter(
                    participant=participant, statement_id=statement_id
                ).delete()
                continue
            if not LOWEST_SCORE <= score <= HIGHEST_SCORE:
                raise ValidationError("A score must be a number from 1 to 5.")
            AuditScore.objects.update_or_create(
                participant=participant,
                statement_id=statement_id,
                defaults={"score": score, "scored_at": timezone.now()},
            )
        return participant.scores.count()


def action_add(
    *, round: AuditRound, text: str, owner: User | None, due_on: datetime.date, by: User
) -> AuditAction:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Say what the group agreed to do"})
    with transaction.atomic():
        action = AuditAction(
            round=round, text=text, owner=owner, due_on=due_on, created_by=by, updated_by=by
        )
        action.full_clean()
        action.save()
    return action


def round_close(*, round: AuditRound, by: User) -> AuditRound:
    """Close the round: no more scores or people. Closing twice changes nothing."""
    with transaction.atomic():
        found = AuditRound.objects.select_for_update().get(pk=round.pk)
        if found.is_open:
            found.status = AuditRound.Status.CLOSED
            found.closed_at = timezone.now()
            found.updated_by = by
            found.save(update_fields=["status", "closed_at", "updated_by", "updated_at"])
    return found


def round_publish(*, round: AuditRound, by: User) -> AuditRound:
    """Publish a closed round's results to everyone signed in (and who may see the project)."""
    with transaction.atomic():
        found = AuditRound.objects.select_for_update().get(pk=round.pk)
        if found.is_open:
            raise ValidationError("Close the round before you publish it.")
        if found.published_at is None:
            found.published_at = timezone.now()
            found.updated_by = by
            found.save(update_fields=["published_at", "updated_by", "updated_at"])
    return found
