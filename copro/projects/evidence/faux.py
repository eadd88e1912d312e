"""Faux-production warnings: patterns in the record that the guidance says are not co-production.

Each warning quotes the matching "Co-production is not" statement, looked up by its slug in the
guidance (copro/framework/content/framework.toml), so the words are the council's own and change
when the guidance does. All the statements a project needs are read in one query.
"""

from collections.abc import Callable
from dataclasses import dataclass

from copro.framework.models import StaircaseStep, Statement
from copro.projects.evidence.signals import Record, Signal, long_date, stage_names

Signals = dict[str, Signal]


SHARING_STEPS = ("co-design", "co-produce")


@dataclass(frozen=True)
class Finding:
    key: str
    title: str
    message: str
    statement_slug: str
    # Steps whose thresholds this finding fits within: there it is a note "to watch", not a
    # faux-production warning, so a warning never contradicts the step it sits beside.
    watch_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class FauxWarning:
    key: str
    title: str  # a few words, for the trend table
    message: str  # what the record shows, in a sentence or two
    statement_slug: str
    statement_text: str  # "Co-production is not: ..." quoted from the guidance
    statement_explanation: str
    to_watch: bool = False

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "message": self.message,
            "statement": self.statement_slug,
            "to_watch": self.to_watch,
        }


@dataclass(frozen=True)
class Context:
    record: Record
    signals: Signals
    step: StaircaseStep
    limits: dict
    staff_view: StaircaseStep | None  # the median self-assessment of experts by qualification


def _quoted(titles: tuple[str, ...], total: int) -> str:
    names = [f"“{title}”" for title in titles]
    if total > len(names):
        names.append(f"{total - len(names)} more")
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def decision_without_experience(c: Context) -> Finding | None:
    unshared = c.record.decided - c.record.decided_shared
    if unshared <= 0:
        return None
    taken = "decision was" if c.record.decided == 1 else "decisions were"
    if unshared == 1 and c.record.decided > 1:
        taken = "decisions was"
    return Finding(
        key="decision_without_experience",
        title="Decisions taken without experts by experience",
        message=f"{unshared} of {c.record.decided} {taken} taken with no real voice from "
        f"experts by experience: {_quoted(c.record.unshared_titles, unshared)}.",
        statement_slug="not-consultation",
        watch_on=SHARING_STEPS,
    )


def joined_after_design(c: Context) -> Finding | None:
    r = c.record
    if not (r.design_reached and r.experts_ever and not r.experts_at_reference):
        return None
    return Finding(
        key="joined_after_design",
        title="Experts by experience joined after the design began",
        message=f"Experts by experience first joined on {long_date(r.first_expert_joined)}, "
        f"after the design stage began on {long_date(r.design_began)}. Arriving with a plan, "
        "asking for views and then adjusting the plan is consultation.",
        statement_slug="not-consultation",
        watch_on=("co-design",),
    )


def contributions_unanswered(c: Context) -> Finding | None:
    overdue = c.record.overdue
    if not overdue:
        return None
    what = "idea or concern" if overdue == 1 else "ideas and concerns"
    has = "has" if overdue == 1 else "have"
    return Finding(
        key="contributions_unanswered",
        title="Ideas left unanswered",
        message=f"{overdue} {what} from experts by experience {has} waited more than "
        f"{c.limits['unanswered_after_days']} days for a real answer.",
        statement_slug="not-box-ticking",
        watch_on=SHARING_STEPS,
    )


def only_evaluation(c: Context) -> Finding | None:
    r = c.record
    taken_part = [stage for stage in r.stages_reached if stage in r.experience_stages]
    if taken_part != ["evaluation"] or len(r.stages_reached) < 2:
        return None
    earlier = [stage for stage in r.stages_reached if stage != "evaluation"]
    return Finding(
        key="only_evaluation",
        title="Only asked to judge the result",
        message="Experts by experience took part only once the service was being evaluated, "
        f"not in the {stage_names(earlier)} stages.",
        statement_slug="not-only-rating-a-service",
    )


def self_assessment_above_evidence(c: Context) -> Finding | None:
    staff = c.staff_view
    if staff is None or staff.order - c.step.order < c.limits["self_assessment_gap"]:
        return None
    return Finding(
        key="self_assessment_above_evidence",
        title="Staff see more shared power than the record shows",
        message=f"Experts by qualification (staff) put this project at step {staff.order}, "
        f"{staff.name}, but the record supports step {c.step.order}, {c.step.name}.",
        statement_slug="not-box-ticking",
    )


CHECKS: tuple[Callable[[Context], Finding | None], ...] = (
    decision_without_experience,
    joined_after_design,
    contributions_unanswered,
    only_evaluation,
    self_assessment_above_evidence,
)


def faux_warnings(
    *,
    record: Record,
    signals: Signals,
    step: StaircaseStep,
    limits: dict,
    staff_view: StaircaseStep | None = None,
) -> list[FauxWarning]:
    """Every finding, the faux-production warnings first; `to_watch` marks the notes."""
    context = Context(record, signals, step, limits, staff_view)
    findings = [f for check in CHECKS if (f := check(context)) is not None]
    findings.sort(key=lambda f: step.slug in f.watch_on)
    if not findings:
        return []
    statements = {
        s.slug: s
        for s in Statement.objects.filter(
            kind=Statement.Kind.IS_NOT, slug__in={f.statement_slug for f in findings}
        )
    }
    warnings = []
    for finding in findings:
        statement = statements.get(finding.statement_slug)
        warnings.append(
            FauxWarning(
                key=finding.key,
                title=finding.title,
                message=finding.message,
                statement_slug=finding.statement_slug,
                statement_text=statement.text if statement else "",
                statement_explanation=statement.explanation if statement else "",
                to_watch=step.slug in finding.watch_on,
            )
        )
    return warnings
