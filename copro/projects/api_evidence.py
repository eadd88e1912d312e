"""GET /api/v1/projects/{id}/evidence: where the record puts a project on the staircase.

Open without signing in for published projects; otherwise the session decides (the same
permission getter as the pages). Someone signed in who may not see the project gets 404, exactly
like a project that does not exist; someone signed out gets 401 for both (AZ-1, AZ-11).
"""

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from pydantic import ConfigDict

from copro.core.api_schemas import Problem
from copro.framework.models import StaircaseStep
from copro.projects import permissions as perms
from copro.projects.evidence.placement import Evidence, project_evidence

router = Router(tags=["projects"])


class _Out(Schema):
    # Only the documented fields, and the schema says so (API-4).
    model_config = ConfigDict(extra="forbid")


class StepOut(_Out):
    order: int
    slug: str
    name: str


class SignalOut(_Out):
    key: str
    name: str
    value: float | None
    display: str
    threshold: str
    met: bool | None
    reason: str
    source: str


class WarningOut(_Out):
    key: str
    message: str
    statement_slug: str
    statement_text: str


class EvidencePrincipleOut(_Out):
    slug: str
    name: str
    status: str  # shown, not_yet or no_data
    reason: str
    allows: str  # the highest step this principle allows
    lift: str  # what would lift it (empty when nothing needs to)


class EvidenceConfidenceOut(_Out):
    level: str  # enough or not_enough
    label: str
    missing: list[str]


class EvidenceProvenanceOut(_Out):
    by_self: int
    for_them: int
    late: int
    confirmed: int
    contested: int
    awaiting: int
    share_confirmed: float | None


class SelfAssessmentOut(_Out):
    experience_median: StepOut | None
    experience_answers: int
    qualification_median: StepOut | None
    qualification_answers: int
    gap_flagged: bool
    gap_message: str


class EvidenceOut(_Out):
    project_id: int
    # The step the record supports; null when there is not enough evidence yet to judge
    # (`confidence` says what is missing, `supported_step` what the record shows so far).
    step: StepOut | None
    supported_step: StepOut
    because: str
    signals: list[SignalOut]
    warnings: list[WarningOut]  # faux-production warnings
    to_watch: list[WarningOut]  # within the step's thresholds, but worth watching
    principles: list[EvidencePrincipleOut]
    held_by: list[EvidencePrincipleOut]  # the principles that hold the project down
    confidence: EvidenceConfidenceOut
    provenance: EvidenceProvenanceOut  # how the evidence about experts by experience was entered
    rules_version: str
    self_assessment: SelfAssessmentOut
    # Filled in by the members' check-ins and the project's outcomes (issue 15, voice).
    experience: dict | None = None
    outcomes: list[dict] | None = None


class ProblemOut(_Out):
    detail: str


def _step(step: StaircaseStep | None) -> dict | None:
    if step is None:
        return None
    return {"order": step.order, "slug": step.slug, "name": step.name}


def _warning(w) -> dict:
    return {
        "key": w.key,
        "message": w.message,
        "statement_slug": w.statement_slug,
        "statement_text": w.statement_text,
    }


def _principle(p) -> dict:
    return {
        "slug": p.slug,
        "name": p.name,
        "status": p.status,
        "reason": p.reason,
        "allows": p.allows,
        "lift": p.lift,
    }


def _evidence_out(evidence: Evidence) -> dict:
    assessment = evidence.assessment
    return {
        "project_id": evidence.project.pk,
        "step": _step(evidence.step) if evidence.confidence.enough else None,
        "supported_step": _step(evidence.step),
        "because": evidence.rule.reason,
        "signals": [
            {
                "key": s.key,
                "name": s.name,
                "value": s.value,
                "display": s.display,
                "threshold": s.threshold,
                "met": s.met,
                "reason": s.reason,
                "source": s.source,
            }
            for s in evidence.signals
        ],
        "warnings": [_warning(w) for w in evidence.warnings],
        "to_watch": [_warning(w) for w in evidence.to_watch],
        "principles": [_principle(p) for p in evidence.scorecard],
        "held_by": [_principle(p) for p in evidence.held_by],
        "confidence": evidence.confidence.as_json(),
        "provenance": evidence.provenance.as_json(),
        "rules_version": evidence.rules_version,
        "experience": None,
        "outcomes": None,
        "self_assessment": {
            "experience_median": _step(assessment.experience),
            "experience_answers": assessment.experience_count,
            "qualification_median": _step(assessment.qualification),
            "qualification_answers": assessment.qualification_count,
            "gap_flagged": assessment.flagged,
            "gap_message": assessment.gap_message,
        },
    }


@router.get(
    "/{project_id}/evidence",
    response={200: EvidenceOut, 401: ProblemOut, 404: ProblemOut, 422: Problem},
    # Anyone may call it for a published project; the session cookie shows the rest. A read
    # only, so the session's CSRF check is not needed here (CFG-9 covers writes).
    auth=None,
    openapi_extra={"security": [{"SessionAuth": []}, {}]},
    summary="Where the record puts a project on the staircase, with the signals and warnings",
)
def project_evidence_get(request: HttpRequest, project_id: int):
    try:
        project = perms.project_get_for_viewer(viewer=request.user, pk=project_id, request=request)
    except Http404:
        if not request.user.is_authenticated:
            return Status(401, {"detail": "Sign in to see this project"})
        return Status(404, {"detail": "Not Found"})
    return Status(200, _evidence_out(project_evidence(project=project)))
