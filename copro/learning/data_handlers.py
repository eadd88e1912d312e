"""Learning's entries in the export and erasure registry (copro.people.your_data).

Bookings and completions are a training record others rely on (who came, who completed): they
are exported to the person and kept on erasure, linked to the anonymised placeholder. Quiz
answers, staircase ordering attempts, tips and values check-ins and the reflection journal are
for the person alone, so they are exported and erased."""

from copro.people import your_data


def _bookings(user) -> list[dict]:
    from copro.learning.models import Booking

    return [
        {
            "session": b.session.level.name,
            "date": b.session.date.isoformat(),
            "status": b.get_status_display(),
            "came": b.attended,
            "completed": b.completed,
        }
        for b in Booking.objects.filter(person=user).select_related("session__level")
    ]


def _sessions_run(user) -> list[dict]:
    from copro.learning.models import TrainingSession

    return [
        {"session": s.level.name, "date": s.date.isoformat()}
        for s in TrainingSession.objects.filter(ambassador=user).select_related("level")
    ]


def _quiz(user) -> list[dict]:
    from copro.learning.models import QuizAttempt

    return [
        {
            "when": a.created_at.isoformat(),
            "score": a.score,
            "out_of": a.out_of,
            "answers": [
                {"question": x.question.question, "chosen": x.chosen, "right": x.is_right}
                for x in a.answers.select_related("question")
            ],
        }
        for a in QuizAttempt.objects.filter(person=user).prefetch_related("answers")
    ]


def _ordering(user) -> list[dict]:
    from copro.learning.models import OrderingAttempt

    return [
        {"when": a.created_at.isoformat(), "your_order": a.placed, "score": a.score}
        for a in OrderingAttempt.objects.filter(person=user)
    ]


def _tips(user) -> list[dict]:
    from copro.learning.models import TipCheckIn

    return [
        {
            "when": c.created_at.isoformat(),
            "answers": {a.tip.name: a.get_answer_display() for a in c.answers.all()},
        }
        for c in TipCheckIn.objects.filter(person=user).prefetch_related("answers__tip")
    ]


def _recipe(user) -> list[dict]:
    from copro.learning.models import RecipeCheckIn

    checks = RecipeCheckIn.objects.filter(person=user).prefetch_related(
        "ratings__value", "ratings__skill"
    )
    return [
        {
            "when": c.created_at.isoformat(),
            "ratings": {(r.value or r.skill).name: r.get_rating_display() for r in c.ratings.all()},
        }
        for c in checks
    ]


def _journal(user) -> list[dict]:
    from copro.learning.models import JournalEntry

    return [
        {"when": e.created_at.isoformat(), "question": e.question.text, "reflection": e.reflection}
        for e in JournalEntry.objects.filter(person=user).select_related("question")
    ]


def register_all() -> None:
    from copro.learning.models import (
        Booking,
        JournalEntry,
        OrderingAttempt,
        QuizAttempt,
        RecipeCheckIn,
        TipCheckIn,
        TrainingSession,
    )

    keep = lambda user: None  # noqa: E731  (kept against the anonymous placeholder)
    your_data.register(Booking, label="Training you booked", export=_bookings, erase=keep)
    your_data.register(
        TrainingSession, label="Training sessions you ran", export=_sessions_run, erase=keep
    )
    your_data.register(
        QuizAttempt,
        label="Your quiz answers and scores",
        export=_quiz,
        erase=your_data.delete_rows(QuizAttempt, "person"),
    )
    for model, label, export in (
        (OrderingAttempt, "Your staircase ordering answers", _ordering),
        (TipCheckIn, "Your tips checklist answers", _tips),
        (RecipeCheckIn, "Your values and skills ratings", _recipe),
        (JournalEntry, "Your reflection journal", _journal),
    ):
        your_data.register(
            model, label=label, export=export, erase=your_data.delete_rows(model, "person")
        )
