"""Reads for readiness and audits. Each runs a fixed number of queries, whatever the data size.

`readiness_summary()` is also used by the reports dashboard: one query.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from copro.framework.models import Principle, SevenStep
from copro.people.models import User
from copro.projects.advice import BOARD_SLUG
from copro.readiness import scoring
from copro.readiness.models import (
    AuditAction,
    AuditParticipant,
    AuditRound,
    AuditScore,
    AuditStatement,
    Readiness,
    ReadinessChange,
)
from copro.readiness.permissions import round_list_visible


@dataclass(frozen=True)
class StepSummary:
    step: SevenStep
    status: str
    status_label: str
    owner: User | None
    evidence: str
    review_on: datetime.date | None
    overdue: bool


def _summary(step: SevenStep, today: datetime.date) -> StepSummary:
    record = getattr(step, "readiness", None)
    if record is None:
        status = Readiness.Status.NOT_STARTED
        return StepSummary(step, status.value, status.label, None, "", None, False)
    return StepSummary(
        step=step,
        status=record.status,
        status_label=record.get_status_display(),
        owner=record.owner,
        evidence=record.evidence,
        review_on=record.review_on,
        overdue=record.is_overdue(today),
    )


def readiness_summary(*, today: datetime.date | None = None) -> list[StepSummary]:
    """Each of the seven steps in order, with its status ("not started" when nothing is
    recorded yet), owner, review date and whether the review is overdue. One query."""
    today = today or timezone.localdate()
    steps = SevenStep.objects.select_related("readiness__owner").order_by("order")
    return [_summary(step, today) for step in steps]


def step_summary(*, step: SevenStep) -> StepSummary:
    step = SevenStep.objects.select_related("readiness__owner").get(pk=step.pk)
    return _summary(step, timezone.localdate())


def readiness_changes(*, step: SevenStep) -> list[ReadinessChange]:
    return list(ReadinessChange.objects.filter(readiness__step=step).select_related("changed_by"))


def possible_owners(*, round: AuditRound | None = None) -> QuerySet[User]:
    """Who can own a step or an action: council staff, administrators and Advisory Board
    members, and for an audit action also the round's participants."""
    who = Q(role__in=[User.Role.STAFF, User.Role.ADMINISTRATOR]) | Q(
        group_memberships__group__slug=BOARD_SLUG
    )
    if round is not None:
        who |= Q(pk__in=round.participants.values("person_id"))
    return User.objects.filter(is_active=True).filter(who).distinct().order_by("display_name", "pk")


# Audits


@dataclass
class StatementResult:
    statement: AuditStatement
    figures: scoring.Figures


@dataclass
class PrincipleResult:
    principle: Principle
    figures: scoring.Figures
    statements: list[StatementResult] = field(default_factory=list)


@dataclass
class RoundResults:
    principles: list[PrincipleResult]
    participants: list[AuditParticipant]
    experience: int
    qualification: int
    scored_by: int
    warnings: list[str]


def statements_for_round(*, round: AuditRound) -> list[AuditStatement]:
    """The statements in use, and any retired one this round already has scores for."""
    scored = AuditScore.objects.filter(participant__round=round).values("statement_id")
    return list(
        AuditStatement.objects.filter(Q(is_active=True) | Q(pk__in=scored)).select_related(
            "principle"
        )
    )


def _group(statements: list[AuditStatement], scores: dict[int, list[int]]):
    results: dict[int, PrincipleResult] = {}
    for statement in statements:
        figures = scoring.statement_figures(scores.get(statement.pk, []))
        line = results.setdefault(
            statement.principle_id,
            PrincipleResult(statement.principle, scoring.Figures(None, None, 0)),
        )
        line.statements.append(StatementResult(statement, figures))
    for line in results.values():
        line.figures = scoring.principle_figures(s.figures for s in line.statements)
    return list(results.values())


def _warnings(experience: int, qualification: int) -> list[str]:
    warnings = []
    if not experience:
        warnings.append(
            "Nobody in this round takes part as an expert by experience. Ask people who use "
            "services to score it too, or the results show only one side."
        )
    if not qualification:
        warnings.append(
            "Nobody in this round takes part as an expert by qualification. Ask staff or other "
            "professionals to score it too, or the results show only one side."
        )
    return warnings


def round_results(*, round: AuditRound) -> RoundResults:
    """Figures for each statement and principle, who took part, and warnings. Three queries."""
    statements = statements_for_round(round=round)
    participants = list(round.participants.select_related("person"))
    scores: dict[int, list[int]] = defaultdict(list)
    scored_by = set()
    for statement_id, participant_id, score in AuditScore.objects.filter(
        participant__round=round
    ).values_list("statement_id", "participant_id", "score"):
        scores[statement_id].append(score)
        scored_by.add(participant_id)
    experience = sum(1 for p in participants if p.kind == AuditParticipant.Kind.EXPERIENCE)
    qualification = len(participants) - experience
    return RoundResults(
        principles=_group(statements, scores),
        participants=participants,
        experience=experience,
        qualification=qualification,
        scored_by=len(scored_by),
        warnings=_warnings(experience, qualification),
    )


def my_scores(*, participant: AuditParticipant) -> dict[int, int]:
    return dict(participant.scores.values_list("statement_id", "score"))


def round_actions(*, round: AuditRound) -> list[AuditAction]:
    return list(round.actions.select_related("owner"))


def rounds_for_viewer(*, viewer: User) -> list[AuditRound]:
    return list(
        round_list_visible(viewer=viewer)
        .select_related("project")
        .annotate(people=Count("participants", distinct=True))
        .order_by("-held_on", "-pk")
    )


@dataclass(frozen=True)
class TrendPoint:
    round: AuditRound
    principle: Principle
    figures: scoring.Figures


def round_trend(*, round: AuditRound, viewer: User) -> list[TrendPoint]:
    """Each principle's average in every round of the same subject (the organisation, or the
    same project) that the viewer may see, oldest round first. Three queries."""
    rounds = list(
        round_list_visible(viewer=viewer)
        .filter(project_id=round.project_id)
        .filter(Q(status=AuditRound.Status.CLOSED) | Q(pk=round.pk))
        .order_by("held_on", "pk")
    )
    scores: dict[tuple[int, int], list[int]] = defaultdict(list)
    rows = AuditScore.objects.filter(participant__round__in=rounds).values_list(
        "participant__round_id", "statement_id", "score"
    )
    for round_id, statement_id, score in rows:
        scores[(round_id, statement_id)].append(score)
    statements = list(AuditStatement.objects.select_related("principle"))
    points = []
    for each in rounds:
        by_principle: dict[int, list[scoring.Figures]] = defaultdict(list)
        principles = {}
        for statement in statements:
            figures = scoring.statement_figures(scores.get((each.pk, statement.pk), []))
            by_principle[statement.principle_id].append(figures)
            principles[statement.principle_id] = statement.principle
        for principle_id, figures in by_principle.items():
            combined = scoring.principle_figures(figures)
            if combined.count:
                points.append(TrendPoint(each, principles[principle_id], combined))
    return points
