"""Readiness and audits in the export and erasure registry (copro.people.your_data).

Scores are exported to the person and kept on erasure, linked to the anonymised placeholder:
a round's results, once agreed or published, must not change. Steps a person looks after and
actions they own are exported; on erasure the step loses its owner and actions stay with the
placeholder, so the group can see an action needs a new owner."""

from copro.people import your_data


def _participations(user) -> list[dict]:
    from copro.readiness.models import AuditParticipant

    return [
        {
            "round": p.round.title,
            "held_on": p.round.held_on.isoformat(),
            "took_part_as": p.get_kind_display(),
            "scores": [
                {"statement": s.statement.text, "score": s.score}
                for s in p.scores.select_related("statement")
            ],
        }
        for p in AuditParticipant.objects.filter(person=user).select_related("round")
    ]


def _steps(user) -> list[dict]:
    from copro.readiness.models import Readiness

    return [
        {"step": r.step.name, "status": r.get_status_display()}
        for r in Readiness.objects.filter(owner=user).select_related("step")
    ]


def _actions(user) -> list[dict]:
    from copro.readiness.models import AuditAction

    return [
        {"action": a.text, "due_on": a.due_on.isoformat(), "round": a.round.title}
        for a in AuditAction.objects.filter(owner=user).select_related("round")
    ]


def register_all() -> None:
    from copro.readiness.models import AuditAction, AuditParticipant, Readiness, ReadinessChange

    keep = lambda user: None  # noqa: E731  (kept against the anonymous placeholder)
    your_data.register(
        AuditParticipant,
        label="Co-production audits you scored",
        export=_participations,
        erase=keep,
    )
    your_data.register(
        Readiness,
        label="Readiness steps you look after",
        export=_steps,
        erase=lambda user: Readiness.objects.filter(owner=user).update(owner=None),
    )
    your_data.register(
        AuditAction, label="Audit actions you agreed to do", export=_actions, erase=keep
    )
    your_data.exempt(
        ReadinessChange,
        reason="Who changed a readiness step is the organisation's audit trail, like created_by; "
        "on erasure it points at the anonymous placeholder.",
    )
