"""Reads for the members' own word, scoped to the viewer. Each costs a fixed number of queries
whatever the number of records (asserted in tests/voice)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from copro.core.provenance import Confirmation
from copro.core.suppression import Figure, suppress_count
from copro.people.models import User
from copro.projects.models import Contribution, Membership, Project
from copro.voice import records
from copro.voice.models import AnswerVerdict, CheckIn, Outcome, RecordEvent, RecordKind
from copro.voice.permissions import supported_people

OPEN = (Confirmation.AWAITING, Confirmation.CONTESTED)


def checkin_every_days() -> int:
    return getattr(settings, "VOICE_CHECKIN_DAYS", 91)


def _records_about(person_ids: list[int], confirmations) -> list[records.Item]:
    """Records about these people with these confirmations: one query per kind (4)."""
    items = []
    for kind in RecordKind.values:
        rows = records.queryset(kind).filter(
            **{
                f"{records.PERSON_FIELD[kind]}_id__in": person_ids,
                "confirmation__in": confirmations,
            }
        )
        if kind == RecordKind.ATTENDANCE:
            rows = rows.filter(meeting__project__isnull=False)
        items.extend(records.item_for(kind, row) for row in rows.order_by("pk")[:200])
    return items


def answers_to_judge(person_ids: list[int]):
    """Answered ideas of experts by experience whose latest answer they have not judged yet."""
    judged = AnswerVerdict.objects.filter(
        contribution=OuterRef("pk"), about_response_at=OuterRef("responded_at")
    )
    return (
        Contribution.objects.filter(
            raised_by_id__in=person_ids,
            member_kind=Membership.Kind.EXPERIENCE,
            responded_at__isnull=False,
        )
        .exclude(status=Contribution.Status.WAITING)
        .exclude(Exists(judged))
        .select_related("project")
        .order_by("responded_at", "pk")[:100]
    )


@dataclass
class PersonRecords:
    person: User
    is_me: bool
    awaiting: list = field(default_factory=list)
    contested: list = field(default_factory=list)
    answers: list = field(default_factory=list)


def records_to_confirm(*, viewer: User) -> list[PersonRecords]:
    """The viewer's records waiting for their word, then those of each person they support
    with consent. Queries: supporters 1, records 4, answers 1."""
    people = [viewer, *supported_people(viewer=viewer)]
    by_id = {p.pk: PersonRecords(person=p, is_me=p.pk == viewer.pk) for p in people}
    for item in _records_about(list(by_id), OPEN):
        target = by_id[item.person_id]
        (target.awaiting if item.awaiting else target.contested).append(item)
    for contribution in answers_to_judge(list(by_id)):
        by_id[contribution.raised_by_id].answers.append(contribution)
    return list(by_id.values())


def awaiting_count(*, viewer: User) -> int:
    """For the home page's to-do list: 4 counts in one query each."""
    total = 0
    for kind in RecordKind.values:
        total += (
            records.model_for(kind)
            .objects.filter(
                **{records.PERSON_FIELD[kind]: viewer, "confirmation": Confirmation.AWAITING}
            )
            .count()
        )
    return total


def contested_for_project(*, project: Project) -> tuple[list, list]:
    """Records contested in this project: (still to resolve, left out after checking).
    Queries: one per kind (4) and the withdrawals (1)."""
    items = []
    for kind in RecordKind.values:
        rows = records.queryset(kind).filter(
            **{records.project_path(kind): project, "confirmation": Confirmation.CONTESTED}
        )
        items.extend(records.item_for(kind, row) for row in rows.order_by("pk")[:200])
    withdrawn = set(
        RecordEvent.objects.filter(
            project=project, action=RecordEvent.Action.WITHDRAWN
        ).values_list("record_kind", "record_id")
    )
    still_open = [i for i in items if (i.kind, i.record.pk) not in withdrawn]
    left_out = [i for i in items if (i.kind, i.record.pk) in withdrawn]
    return still_open, left_out


def history_for_project(*, project: Project, limit: int = 200):
    return RecordEvent.objects.filter(project=project).select_related("person", "by")[:limit]


def provenance_counts(*, project: Project) -> dict:
    """How the project's evidence was entered and what people said about it: one query per kind."""
    totals = {"for_them": 0, "late": 0, "awaiting": 0, "confirmed": 0, "contested": 0}
    for kind in RecordKind.values:
        path = records.project_path(kind)
        row = (
            records.model_for(kind)
            .objects.filter(**{path: project})
            .aggregate(
                for_them=Count("pk", filter=Q(entry_method__in=["paper", "phone", "in_person"])),
                late=Count("pk", filter=Q(recorded_late=True)),
                awaiting=Count("pk", filter=Q(confirmation=Confirmation.AWAITING)),
                confirmed=Count("pk", filter=Q(confirmation=Confirmation.CONFIRMED)),
                contested=Count("pk", filter=Q(confirmation=Confirmation.CONTESTED)),
            )
        )
        for key in totals:
            totals[key] += row[key] or 0
    return totals


# --- How it felt -------------------------------------------------------------------------------


def checkins_due(*, viewer: User) -> list[Membership]:
    """The viewer's current memberships with no check-in in the last few months (1 query)."""
    since = timezone.localdate() - datetime.timedelta(days=checkin_every_days())
    recent = CheckIn.objects.filter(
        person=viewer, project=OuterRef("project"), submitted_on__gt=since
    )
    return list(
        Membership.objects.filter(user=viewer, left_on__isnull=True)
        .exclude(Exists(recent))
        .select_related("project")
        .order_by("project__title")
    )


@dataclass(frozen=True)
class QuestionFigures:
    code: str
    question: str
    yes: Figure
    partly: Figure
    no: Figure


def checkin_counts(*, project: Project, kind: str = Membership.Kind.EXPERIENCE) -> dict:
    """Exact counts of the recent check-ins of one kind of member (one query). For the rules
    only: pages and the API show `checkin_aggregate`, never these."""
    since = timezone.localdate() - datetime.timedelta(days=checkin_every_days())
    aggregates = {}
    for code, _question in CheckIn.QUESTIONS:
        for answer in CheckIn.Answer.values:
            aggregates[f"{code}__{answer}"] = Count("pk", filter=Q(**{code: answer}))
    return CheckIn.objects.filter(
        project=project, member_kind=kind, submitted_on__gt=since
    ).aggregate(total=Count("pk"), **aggregates)


def suppression_threshold() -> int:
    return max(getattr(settings, "EQUALITY_SUPPRESSION_THRESHOLD", 5), 5)


def checkin_aggregate(*, project: Project, kind: str = Membership.Kind.EXPERIENCE) -> dict:
    """The recent check-ins of one kind of member, added up, each count suppressed below the
    threshold (copro.core.suppression, PRIV-6). Never per person. One query."""
    counts = checkin_counts(project=project, kind=kind)
    threshold = suppression_threshold()

    def shown(count: int) -> Figure:
        return suppress_count(count, threshold=threshold)

    questions = [
        QuestionFigures(
            code=code,
            question=question,
            yes=shown(counts[f"{code}__yes"]),
            partly=shown(counts[f"{code}__partly"]),
            no=shown(counts[f"{code}__no"]),
        )
        for code, question in CheckIn.QUESTIONS
    ]
    return {
        "total": shown(counts["total"]),
        "enough": counts["total"] >= threshold,
        "questions": questions,
    }


def outcomes_for(*, project: Project) -> list[Outcome]:
    """Outcomes with their measures: 2 queries."""
    return list(Outcome.objects.filter(project=project).prefetch_related("measures"))
