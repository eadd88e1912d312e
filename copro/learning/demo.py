"""Demo training: sessions held and to come, run by Dev (an ambassador), with completions, a
full session with a waiting list, quiz attempts and a few toolkit entries. Then each demo
person's own record: staircase ordering attempts, tips and values check-ins spread over the
last months, and reflections in Asha's journal (Asha is the demo citizen). Runs once."""

import datetime

from django.utils import timezone

from copro.framework.models import LitmusQuestion, Skill, StaircaseStep, Tip, TrainingLevel, Value
from copro.learning import selectors, services, services_growth
from copro.learning.models import (
    Booking,
    JournalEntry,
    RecipeCheckIn,
    TipCheckIn,
    ToolkitEntry,
    TrainingSession,
)
from copro.meetings.models import Venue
from copro.people.models import User

TOOLKIT = [
    (
        "Planning your first co-produced meeting",
        "document",
        "A checklist for a meeting everyone can take part in: the room, the papers, the times.",
        "https://example.org/toolkit/first-meeting.pdf",
        "",
    ),
    (
        "Sharing power: what it looks like",
        "video",
        "Carers and staff talk about a project they ran together.",
        "https://example.org/toolkit/sharing-power",
        "Maggie: At first I thought they only wanted us to agree with them. Then we were asked "
        "to help write the plan, and our ideas went in.",
    ),
    (
        "Reviewing a project together",
        "audio",
        "How one group looked back at what worked and what did not.",
        "https://example.org/toolkit/reviewing.mp3",
        "We met three months after the service started and asked everyone the same questions.",
    ),
]


def _people() -> dict[str, User]:
    return {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}


def _session(level, ambassador, days, venue, capacity, at=10) -> TrainingSession:
    return TrainingSession.objects.create(
        level=level,
        ambassador=ambassador,
        date=timezone.localdate() + datetime.timedelta(days=days),
        starts_at=datetime.time(at, 0),
        venue=venue,
        online_link="" if venue else "https://meet.example.org/co-production-training",
        capacity=capacity,
        created_by=ambassador,
    )


def _held(level, ambassador, days, venue, people, completed) -> None:
    session = _session(level, ambassador, days, venue, 10)
    for person in people:
        done = person in completed
        Booking.objects.create(
            session=session, person=person, status="booked", attended=True, completed=done
        )


def _quiz(person: User, wrong: int) -> None:
    questions = selectors.quiz_questions()
    answers = {q.pk: list(q.correct) for q in questions}
    for question in questions[:wrong]:
        answers[question.pk] = [
            i for i in range(len(question.options)) if i not in question.correct
        ][:1]
    services.quiz_submit(person=person, answers=answers, questions=questions)


JOURNAL = [
    (
        "my-language",
        120,
        "At the carers' meeting I said 'respite provision' twice. Two people looked lost. Next "
        "time I will say 'a break from caring' and check people are with me.",
    ),
    (
        "challenge-and-conflict",
        60,
        "Sam disagreed with my idea about evening meetings. I felt cross at first. Afterwards I "
        "asked why, and it was about the building closing at six. We found another room.",
    ),
    (
        "making-people-feel-valued",
        10,
        "I thanked Tom by name for the timetable he made. He smiled. Small things matter.",
    ),
]


def _backdate(model, pk: int, days: int) -> None:
    """Check-ins are made now; move them into the past so the history shows change."""
    when = timezone.now() - datetime.timedelta(days=days)
    model.objects.filter(pk=pk).update(created_at=when, updated_at=when)


def _tips(person: User, confident_from: list[int], days: list[int]) -> None:
    tips = list(Tip.objects.all())
    for confident, ago in zip(confident_from, days, strict=True):
        answers = {
            tip.pk: "confident" if index < confident else "more_information"
            for index, tip in enumerate(tips)
        }
        check_in = services_growth.tips_check_in(person=person, answers=answers)
        _backdate(TipCheckIn, check_in.pk, ago)


def _recipe(person: User, levels: list[int], days: list[int]) -> None:
    values = list(Value.objects.values_list("pk", flat=True))
    skills = list(Skill.objects.values_list("pk", flat=True))
    for level, ago in zip(levels, days, strict=True):
        # Higher `level`, more items rated higher: growth over the check-ins.
        def rate(index: int, level: int = level) -> int:
            return min(3, 1 + (index + level) // 7)

        check_in = services_growth.recipe_check_in(
            person=person,
            values={pk: rate(i) for i, pk in enumerate(values)},
            skills={pk: rate(i) for i, pk in enumerate(skills)},
        )
        _backdate(RecipeCheckIn, check_in.pk, ago)


def _ordering(person: User, swaps: int) -> None:
    order = list(StaircaseStep.objects.order_by("order").values_list("slug", flat=True))
    for i in range(swaps):  # swap neighbours: a near miss
        order[2 * i], order[2 * i + 1] = order[2 * i + 1], order[2 * i]
    services_growth.ordering_submit(person=person, placed=order)


def _growth(people: dict[str, User]) -> bool:
    """Each demo person's own learning record. Returns False when it is there already."""
    asha = people.get("asha.citizen")
    if asha is None or TipCheckIn.objects.filter(person=asha).exists():
        return False
    months = [150, 90, 30]
    for key, tips, levels in (
        ("asha.citizen", [2, 4, 6], [0, 5, 10]),
        ("maggie", [4, 6, 7], [6, 9, 12]),
        ("tom", [1, 2, 4], [0, 2, 6]),
        ("sam.staff", [3, 3, 5], [3, 6, 8]),
    ):
        if person := people.get(key):
            _tips(person, tips, months)
            _recipe(person, levels, months)
    for key, swaps in (("asha.citizen", 2), ("asha.citizen", 0), ("tom", 1)):
        if person := people.get(key):
            _ordering(person, swaps)
    _quiz(asha, 1)
    questions = {q.slug: q for q in LitmusQuestion.objects.all()}
    for slug, ago, text in JOURNAL:
        if slug in questions:
            entry = services_growth.journal_entry_add(
                person=asha, question=questions[slug], reflection=text
            )
            _backdate(JournalEntry, entry.pk, ago)
    return True


def load(*, out) -> None:
    people = _people()
    dev = people.get("dev")
    if dev is None:
        out.write("  Learning: skipped (the demo people are not there).")
        return
    if _growth(people):
        out.write("  Learning: check-ins over time, staircase attempts and Asha's journal.")
    for order, (title, kind, description, url, transcript) in enumerate(TOOLKIT, start=1):
        ToolkitEntry.objects.get_or_create(
            title=title,
            defaults={
                "order": order,
                "kind": kind,
                "description": description,
                "url": url,
                "transcript": transcript,
            },
        )
    if TrainingSession.objects.filter(ambassador=dev).exists():
        out.write("  Learning: already loaded.")
        return
    levels = {level.order: level for level in TrainingLevel.objects.all()}
    venue = Venue.objects.filter(is_active=True).first()
    others = [p for key, p in sorted(people.items()) if key != "dev"]
    maggie, priya, tom = people.get("maggie"), people.get("priya"), people.get("tom")
    held = [p for p in (maggie, priya, tom) if p]
    _held(levels[1], dev, -40, venue, held, completed=held)
    _held(levels[2], dev, -20, venue, held[:2], completed=held[:2])
    _held(levels[3], dev, -5, venue, held[:1], completed=held[:1])  # Maggie can use the toolkit

    small = _session(levels[1], dev, 14, venue, capacity=2)
    newcomers = [p for p in others if p not in held]
    for person in newcomers[:4]:  # two places, so two people wait
        services.booking_make(session=small, person=person, by=person, confirmed=True)
    later = _session(levels[2], dev, 28, None, capacity=12, at=14)
    if tom:
        services.booking_make(session=later, person=tom, by=tom)
    _session(levels[3], dev, 42, venue, capacity=10)

    for person, wrong in ((maggie, 2), (maggie, 0), (tom, 3), (priya, 1)):
        if person:
            _quiz(person, wrong)
    out.write("  Learning: training sessions, bookings, a waiting list and quiz attempts.")
