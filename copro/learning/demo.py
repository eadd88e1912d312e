"""Demo training: sessions held and to come, run by Dev (an ambassador), with completions, a
full session with a waiting list, quiz attempts and a few toolkit entries. Runs once."""

import datetime

from django.utils import timezone

from copro.framework.models import TrainingLevel
from copro.learning import selectors, services
from copro.learning.models import Booking, ToolkitEntry, TrainingSession
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


def load(*, out) -> None:
    people = _people()
    dev = people.get("dev")
    if dev is None:
        out.write("  Learning: skipped (the demo people are not there).")
        return
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
