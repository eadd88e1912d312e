"""Projects' entries in the export and erasure registry (copro.people.your_data).

A person's contributions, votes and memberships are records others depend on: they are
exported to the person and kept on erasure, linked to the anonymised placeholder."""

from copro.people import your_data


def register_all() -> None:
    from copro.projects.models import (
        Action,
        AdviceAnswer,
        AdviceRequest,
        Contribution,
        Decision,
        JoinRequest,
        Membership,
        Position,
        SelfAssessment,
        StageChange,
    )

    keep = lambda user: None  # noqa: E731  (kept against the anonymous placeholder)
    your_data.register(
        Membership,
        label="Projects you belong to",
        erase=keep,
        export=lambda u: [
            {
                "project": m.project.title,
                "as": m.get_kind_display(),
                "joined_on": m.joined_on.isoformat(),
                "left_on": m.left_on.isoformat() if m.left_on else None,
            }
            for m in Membership.objects.filter(user=u).select_related("project")
        ],
    )
    your_data.register(
        Position,
        label="Your votes and positions on decisions",
        erase=keep,
        export=lambda u: [
            {
                "decision": p.decision.title,
                "position": p.get_stance_display(),
                "reason": p.reason,
                "when": p.recorded_at.isoformat(),
            }
            for p in Position.objects.filter(user=u).select_related("decision")
        ],
    )
    your_data.register(
        Contribution,
        label="Ideas and concerns you raised",
        erase=keep,
        export=lambda u: [
            {
                "project": c.project.title,
                "what": c.text,
                "status": c.get_status_display(),
                "response": c.response,
                "when": c.raised_at.isoformat(),
            }
            for c in Contribution.objects.filter(raised_by=u).select_related("project")
        ],
    )
    your_data.register(
        SelfAssessment,
        label="Where you placed projects on the staircase",
        erase=keep,
        export=lambda u: [
            {"project": a.project.title, "step": a.step.name, "when": a.answered_at.isoformat()}
            for a in SelfAssessment.objects.filter(user=u).select_related("project", "step")
        ],
    )
    your_data.register(
        Action,
        label="Actions you own on projects",
        erase=keep,
        export=lambda u: your_data.rows(
            Action.objects.filter(owner=u), "project__title", "title", "status", "due_on"
        ),
    )
    your_data.register(
        AdviceRequest,
        label="Questions you asked the Advisory Board",
        erase=keep,
        export=lambda u: your_data.rows(
            AdviceRequest.objects.filter(asked_by=u), "project__title", "question", "asked_at"
        ),
    )
    your_data.register(
        AdviceAnswer,
        label="Advice you gave as a member of the Advisory Board",
        erase=keep,
        export=lambda u: your_data.rows(
            AdviceAnswer.objects.filter(answered_by=u), "request__question", "text", "answered_at"
        ),
    )
    your_data.exempt(
        Decision,
        reason="Who proposed a decision: a fact about the project's record (the evidence reads "
        "whether an expert by experience proposed it), kept with the anonymised placeholder. "
        "Their own positions on decisions are exported above.",
    )
    your_data.exempt(
        StageChange,
        reason="Who moved a project to its next stage: a fact about the project, kept with the "
        "anonymised placeholder.",
    )
    your_data.register(
        JoinRequest,
        label="Your requests to take part in projects",
        export=lambda u: your_data.rows(
            JoinRequest.objects.filter(person=u),
            "project__title",
            "message",
            "status",
            "asked_at",
            "answered_at",
            "reason",
        ),
        # What the person wrote is theirs; the membership that came of it is kept.
        erase=lambda u: JoinRequest.objects.filter(person=u).delete(),
    )
