"""Where the record puts a project on the staircase, and the stored trend of placements.

`project_evidence` works everything out afresh (a fixed number of queries, about ten, whatever
the project's size). `placement_refresh` stores a Placement row only when the step or the set of
warnings has changed, so the trend shows real changes, not every new vote; running it again with
nothing new stores nothing.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from copro.core.public_cache import record_version
from copro.framework.models import StaircaseStep
from copro.projects.assessment import AssessmentSummary, assessment_summary
from copro.projects.evidence.confidence import Confidence, confidence
from copro.projects.evidence.faux import FauxWarning, faux_warnings
from copro.projects.evidence.provenance import ProvenanceCounts, provenance_counts
from copro.projects.evidence.rules import RULES_VERSION, RuleOutcome, place
from copro.projects.evidence.scorecard import NOT_YET, PrincipleScore, principles_scorecard
from copro.projects.evidence.signals import Signal, record_read, signals_for
from copro.projects.evidence.thresholds import thresholds
from copro.projects.models import Placement, Project

TREND_LENGTH = 100  # the most recent changes shown


@dataclass(frozen=True)
class Evidence:
    project: Project
    step: StaircaseStep
    steps: list[StaircaseStep]  # the whole staircase, bottom step first
    signals: list[Signal]
    findings: list[FauxWarning]  # warnings first, then the notes to watch
    rule: RuleOutcome  # the rule that placed the project, with its reason
    checked: list[RuleOutcome]  # every rule tried from the top down
    assessment: AssessmentSummary
    scorecard: list[PrincipleScore]
    confidence: Confidence
    provenance: ProvenanceCounts
    rules_version: str = RULES_VERSION

    @property
    def warnings(self) -> list[FauxWarning]:
        """Faux-production warnings: what does not fit the step the record supports."""
        return [f for f in self.findings if not f.to_watch]

    @property
    def to_watch(self) -> list[FauxWarning]:
        """Notes: within the step's thresholds, but worth watching."""
        return [f for f in self.findings if f.to_watch]

    @cached_property
    def held_by(self) -> list[PrincipleScore]:
        """The principles that hold the project down: those that stop the rule for the step
        above, and any that would not allow co-production whatever else happened."""
        up = set(self.step_up.held_by) if self.step_up else set()
        return [
            p
            for p in self.scorecard
            if p.slug in up or (p.status == NOT_YET and not p.allows_step("co-produce"))
        ]

    @cached_property
    def signals_by_key(self) -> dict[str, Signal]:
        return {signal.key: signal for signal in self.signals}

    @property
    def step_up(self) -> RuleOutcome | None:
        """What the rule for the step above says is missing (None on the top step)."""
        return self.checked[-2] if len(self.checked) > 1 else None

    @property
    def warning_keys(self) -> list[str]:
        return sorted(w.key for w in self.warnings)


def _steps() -> list[StaircaseStep]:
    steps = list(StaircaseStep.objects.order_by("order"))
    if not steps:
        raise ImproperlyConfigured("The staircase is missing: run 'copro framework_load'")
    return steps


def project_evidence(*, project: Project) -> Evidence:
    """The project's evidence, worked out once per change to the record (issue 20).

    Computing it reads the whole record and costs more than the rest of a page; it changes
    only when something is written. So it is kept in the cache under the record version
    (copro/core/public_cache.py: every committed write moves it on) for at most
    EVIDENCE_CACHE_SECONDS, which also bounds what the passing of time alone changes (a
    meeting's date going by, an answer growing old). It is the same for every viewer.
    """
    seconds = getattr(settings, "EVIDENCE_CACHE_SECONDS", 0)
    version = record_version() if seconds else -1
    if version < 0:
        return _compute_evidence(project=project)
    key = f"evidence:{version}:{project.pk}:{project.updated_at.timestamp()}"
    kept = caches["default"].get(key)
    if kept is None:
        kept = _compute_evidence(project=project)
        caches["default"].set(key, kept, timeout=seconds)
    return kept


def _compute_evidence(*, project: Project) -> Evidence:
    limits = thresholds()
    steps = _steps()
    record = record_read(project=project, limits=limits)
    signals = signals_for(record, limits)
    by_key = {signal.key: signal for signal in signals}
    scorecard = principles_scorecard(signals=by_key, limits=limits)
    outcome, checked = place(record, by_key, limits, scorecard)
    step = next(s for s in steps if s.slug == outcome.step)
    provenance = provenance_counts(project=project)
    assessment = assessment_summary(
        project=project, steps=steps, gap=int(limits["self_assessment_gap"])
    )
    warnings = faux_warnings(
        record=record,
        signals=by_key,
        step=step,
        limits=limits,
        staff_view=assessment.qualification,
    )
    return Evidence(
        project=project,
        step=step,
        steps=steps,
        signals=signals,
        findings=warnings,
        rule=outcome,
        checked=checked,
        assessment=assessment,
        scorecard=scorecard,
        confidence=confidence(record=record, limits=limits, provenance=provenance),
        provenance=provenance,
        rules_version=RULES_VERSION,
    )


def _warning_keys(placement: Placement) -> list[str]:
    return sorted(
        w.get("key", "")
        for w in placement.warnings
        if isinstance(w, dict) and not w.get("to_watch")
    )


@transaction.atomic
def placement_refresh(*, project: Project) -> Placement | None:
    """Store the project's placement if the step or the warnings changed; None otherwise."""
    # Lock the project row so that two writes at once cannot store the same change twice.
    Project.objects.select_for_update().filter(pk=project.pk).values_list("pk").first()
    # Always worked out afresh: this runs inside the write, before the version moves on.
    evidence = _compute_evidence(project=project)
    last = Placement.objects.filter(project=project).order_by("-placed_at", "-pk").first()
    if (
        last is not None
        and last.step_id == evidence.step.pk
        and _warning_keys(last) == evidence.warning_keys
        and last.rules_version == evidence.rules_version
        and last.enough_evidence == evidence.confidence.enough
    ):
        return None
    return Placement.objects.create(
        project=project,
        step=evidence.step,
        signals=[signal.as_json() for signal in evidence.signals],
        warnings=[warning.as_json() for warning in evidence.warnings],
        rules_version=evidence.rules_version,
        enough_evidence=evidence.confidence.enough,
    )


def placement_trend(*, project: Project) -> list[Placement]:
    """The stored placements, oldest first (the most recent TREND_LENGTH). Each has
    `rules_changed`: True where a new version of the rules placed it."""
    recent = list(
        Placement.objects.filter(project=project)
        .select_related("step")
        .order_by("-placed_at", "-pk")[:TREND_LENGTH]
    )[::-1]
    before = None
    for placement in recent:
        version = placement.rules_version or "1"
        placement.rules_changed = before is not None and version != before
        before = version
    return recent
