"""Demo readiness and audits: the seven steps at different stages, one review overdue; two
audit rounds of the whole organisation half a year apart, the first published, with scores
that went up in between and the actions agreed. Runs once."""

import datetime

from django.utils import timezone

from copro.framework.models import SevenStep
from copro.people.models import User
from copro.readiness import services
from copro.readiness.models import AuditRound, AuditStatement, Readiness

# step order: status, owner, evidence, review in N days (negative: overdue)
STEPS = {
    1: (
        "done",
        "jo",
        "The chief executive opened our co-production week and speaks up for it "
        "at every leadership meeting.",
        120,
    ),
    2: (
        "in_progress",
        "sam.staff",
        "We have more carers involved, but few young people and "
        "nobody from the Traveller community yet.",
        -14,
    ),
    3: ("done", "jo", "Time credits and payment for people's time are in place.", 180),
    4: ("in_progress", "lee", "Short breaks and bus stops chosen; two more to review.", 60),
    5: ("not_started", None, "", None),
    6: ("in_progress", "maggie", "Level 1 training has run twice this year.", 90),
    7: ("not_started", None, "", None),
}
PEOPLE = ["maggie", "grace", "tom", "jo", "lee", "sam.staff"]
# principle slug -> score each round, before and after; people vary around it
SCORES = {
    "equality": (2, 3),
    "diversity": (1, 3),
    "access": (3, 4),
    "reciprocity": (2, 4),
}
SPREAD = [0, 1, -1, 0, 1, 0]


def _people() -> dict[str, User]:
    return {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}


def _readiness(people: dict[str, User], by: User) -> None:
    today = timezone.localdate()
    for step in SevenStep.objects.all():
        if step.order not in STEPS or Readiness.objects.filter(step=step).exists():
            continue
        status, owner, evidence, days = STEPS[step.order]
        services.readiness_update(
            step=step,
            status=status,
            owner=people.get(owner) if owner else None,
            evidence=evidence,
            review_on=today + datetime.timedelta(days=days) if days is not None else None,
            by=by,
        )


def _round(title, held_on, which, people, by, actions) -> AuditRound | None:
    if AuditRound.objects.filter(title=title, project__isnull=True).exists():
        return None
    found = services.round_start(title=title, project=None, held_on=held_on, by=by)
    statements = list(AuditStatement.objects.filter(is_active=True).select_related("principle"))
    for index, key in enumerate(PEOPLE):
        if key not in people:
            continue
        participant = services.participant_add(round=found, person=people[key], by=by)
        scores = {}
        for statement in statements:
            base = SCORES.get(statement.principle.slug, (3, 3))[which]
            shift = SPREAD[(index + statement.order) % len(SPREAD)]
            scores[statement.pk] = min(5, max(1, base + shift))
        services.scores_save(participant=participant, scores=scores)
    for text, owner, days in actions:
        services.action_add(
            round=found,
            text=text,
            owner=people.get(owner),
            due_on=held_on + datetime.timedelta(days=days),
            by=by,
        )
    services.round_close(round=found, by=by)
    return found


def load(*, out) -> None:
    people = _people()
    sam = people.get("sam.staff")
    if sam is None:
        out.write("  Readiness: skipped (the demo people are not there).")
        return
    _readiness(people, sam)
    today = timezone.localdate()
    first = _round(
        "Spring audit",
        today - datetime.timedelta(days=200),
        0,
        people,
        sam,
        [
            ("Hold meetings in the evening and at weekends as well as weekdays.", "jo", 60),
            ("Reach out to the Traveller community and young people in rural areas.", "lee", 90),
        ],
    )
    if first is not None:
        services.round_publish(round=first, by=sam)
    _round(
        "Autumn audit",
        today - datetime.timedelta(days=17),
        1,
        people,
        sam,
        [("Ask the Advisory Board to review how we pay people for their time.", "maggie", 45)],
    )
    out.write("  Readiness: the seven steps (one review overdue) and two audit rounds.")
