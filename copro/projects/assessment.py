"""Self-assessment: each member's own view of where the project is on the staircase.

Every current member can answer five plain-English questions. Each answer stands for a step
(the number after it below); the member's step is the median of their five, taking the lower
middle value (statistics.median_low), so one generous answer cannot lift the result on its own.
Only each current member's latest answer counts. The project page then shows the median step
for experts by experience and for experts by qualification, separately, and flags a gap of
two steps or more.

1. When did people who use the service first get involved?
   at the very start 7 | while it was being designed 6 | when a plan was ready 4 |
   once it was running 4 | not yet 3
2. Who makes the final decisions?
   all of us as equals 7 | together in the design, the council after 6 |
   the council, after people shaped some choices 5 | the council, after asking views 4 |
   the council, which tells people why 3 | the council, and people must go along 1
3. What happens to ideas people raise?
   worked on and decided together 7 | answered, many change things 5 |
   answered, rarely change the plan 4 | noted, no answer 4 | people are not asked 3
4. Which parts of the work do people who use the service take part in?
   every part 7 | designing it 6 | some meetings, shaping details 5 | only surveys 4 |
   none, they are told 3 | none, they are helped to understand it 2
5. Who decides what the group talks about and works on?
   all of us 7 | staff, and anyone can add things 5 | staff 4 | there is no such group 3
"""

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery

from copro.framework.models import StaircaseStep
from copro.projects.models import Membership, Project, SelfAssessment


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    step: int  # the staircase step (1 to 7) this answer stands for


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str
    options: tuple[Option, ...]

    @property
    def required_message(self) -> str:
        return f"Choose an answer to “{self.text}”"


QUESTIONS: tuple[Question, ...] = (
    Question(
        "first_involved",
        "When did people who use the service first get involved?",
        "Think of the people the project is for, their families and carers.",
        (
            Option("at_the_start", "At the very start, before anything was planned", 7),
            Option("during_design", "While the new service or change was being designed", 6),
            Option("plan_ready", "When a plan was ready, to give their views on it", 4),
            Option("once_running", "Once the service was running, to say what they thought", 4),
            Option("not_yet", "They have not been involved yet", 3),
        ),
    ),
    Question(
        "decisions",
        "Who makes the final decisions?",
        "",
        (
            Option("all_equal", "All of us together, and everyone's voice counts the same", 7),
            Option("together_in_design", "All of us while we design it, the council after", 6),
            Option("council_shaped", "The council, after people have shaped some choices", 5),
            Option("council_after_views", "The council, after asking for people's views", 4),
            Option("council_tells", "The council, then it tells people what it decided", 3),
            Option("council_only", "The council, and people have to go along with it", 1),
        ),
    ),
    Question(
        "ideas",
        "What happens to ideas people raise?",
        "",
        (
            Option("worked_on_together", "We work on them together and decide what to do", 7),
            Option("answered_often_used", "Each gets an answer, and many change what happens", 5),
            Option("answered_rarely_used", "They get an answer, but rarely change the plan", 4),
            Option("not_answered", "They are noted, but people do not usually hear back", 4),
            Option("not_asked", "People are not asked for their ideas", 3),
        ),
    ),
    Question(
        "stages",
        "Which parts of the work do people who use the service take part in?",
        "",
        (
            Option("every_part", "Every part: planning, designing, running and reviewing it", 7),
            Option("designing", "Designing it, but not running or reviewing it", 6),
            Option("some_meetings", "Some meetings, where they can shape some details", 5),
            Option("surveys_only", "Only surveys, questionnaires or feedback forms", 4),
            Option("told", "None: they are told what is happening", 3),
            Option("helped_to_understand", "None: they are helped to understand the service", 2),
        ),
    ),
    Question(
        "agenda",
        "Who decides what the group talks about and works on?",
        "",
        (
            Option("all_of_us", "All of us, together", 7),
            Option("staff_open", "Staff, and anyone can add things", 5),
            Option("staff", "Staff", 4),
            Option("no_group", "There is no group where they meet with staff", 3),
        ),
    ),
)

# How each step is spoken of in a sentence ("staff see this as co-design").
STEP_NOUNS = {
    "coerce": "coercion",
    "educate": "education",
    "inform": "informing people",
    "consult": "consultation",
    "engage": "engagement",
    "co-design": "co-design",
    "co-produce": "co-production",
}


def step_for_answers(answers: Mapping[str, str]) -> int:
    """The step (1 to 7) a full set of answers stands for. Refuses a missing or unknown one."""
    steps, errors = [], {}
    for question in QUESTIONS:
        chosen = {o.key: o.step for o in question.options}.get(answers.get(question.key, ""))
        if chosen is None:
            errors[question.key] = question.required_message
        else:
            steps.append(chosen)
    if errors:
        raise ValidationError(errors)
    return statistics.median_low(steps)


@transaction.atomic
def self_assessment_record(
    *, project: Project, membership: Membership, answers: Mapping[str, str]
) -> SelfAssessment:
    """Store a current member's answers. Answering again adds a new row; the latest counts."""
    if membership.project_id != project.pk or membership.left_on is not None:
        raise PermissionDenied
    order = step_for_answers(answers)
    assessment = SelfAssessment(
        project=project,
        user=membership.user,
        kind=membership.kind,
        step=StaircaseStep.objects.get(order=order),
        answers={q.key: answers[q.key] for q in QUESTIONS},
    )
    assessment.full_clean()
    assessment.save()
    from copro.projects.evidence.placement import placement_refresh

    placement_refresh(project=project)
    return assessment


def self_assessment_latest(*, project: Project, user) -> SelfAssessment | None:
    if not user.is_authenticated:
        return None
    return (
        SelfAssessment.objects.filter(project=project, user=user)
        .select_related("step")
        .order_by("-answered_at", "-pk")
        .first()
    )


@dataclass(frozen=True)
class AssessmentSummary:
    experience: StaircaseStep | None  # median step of experts by experience
    experience_count: int
    qualification: StaircaseStep | None  # median step of experts by qualification (staff)
    qualification_count: int
    flagged: bool
    gap_message: str

    @property
    def gap(self) -> int | None:
        if self.experience is None or self.qualification is None:
            return None
        return self.qualification.order - self.experience.order


def _latest_orders(project: Project) -> list[tuple[str, int]]:
    """(kind, step order) of each current member's latest answer: one query."""
    latest = (
        SelfAssessment.objects.filter(project=OuterRef("project"), user=OuterRef("user"))
        .order_by("-answered_at", "-pk")
        .values("pk")[:1]
    )
    current = Membership.objects.filter(
        project=OuterRef("project"), user=OuterRef("user"), left_on__isnull=True
    )
    return list(
        SelfAssessment.objects.filter(project=project, pk=Subquery(latest))
        .filter(Exists(current))
        .order_by()
        .values_list("kind", "step__order")
    )


def _gap_message(staff: StaircaseStep, citizens: StaircaseStep) -> str:
    return (
        f"Staff see this as {STEP_NOUNS.get(staff.slug, staff.name)}; citizens see it as "
        f"{STEP_NOUNS.get(citizens.slug, citizens.name)}."
    )


def assessment_summary(
    *, project: Project, steps: list[StaircaseStep], gap: int = 2
) -> AssessmentSummary:
    by_order = {step.order: step for step in steps}
    orders: dict[str, list[int]] = {"experience": [], "qualification": []}
    for kind, order in _latest_orders(project):
        orders.setdefault(kind, []).append(order)
    medians = {
        kind: by_order.get(statistics.median_low(values)) if values else None
        for kind, values in orders.items()
    }
    citizens, staff = medians["experience"], medians["qualification"]
    flagged = bool(citizens and staff and abs(staff.order - citizens.order) >= gap)
    return AssessmentSummary(
        experience=citizens,
        experience_count=len(orders["experience"]),
        qualification=staff,
        qualification_count=len(orders["qualification"]),
        flagged=flagged,
        gap_message=_gap_message(staff, citizens) if flagged else "",
    )
