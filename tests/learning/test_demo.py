"""`copro demo` builds training sessions, bookings with a waiting list, completions and quiz
attempts, once."""

import pytest
from django.core.management import call_command

from copro.learning.models import (
    Booking,
    JournalEntry,
    OrderingAttempt,
    QuizAttempt,
    RecipeCheckIn,
    TipCheckIn,
    ToolkitEntry,
    TrainingSession,
)
from copro.people.models import User


def counts():
    return (
        TrainingSession.objects.count(),
        Booking.objects.count(),
        QuizAttempt.objects.count(),
        ToolkitEntry.objects.count(),
        OrderingAttempt.objects.count(),
        TipCheckIn.objects.count(),
        RecipeCheckIn.objects.count(),
        JournalEntry.objects.count(),
    )


@pytest.mark.django_db
def test_demo_training_is_built_once(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    first = counts()
    call_command("demo")
    assert counts() == first
    assert Booking.objects.filter(status="waiting").count() == 2
    assert Booking.objects.filter(completed=True, session__level__order=3).count() == 1
    assert TrainingSession.objects.filter(bookings__completed=True).distinct().count() == 3
    maggie = User.objects.get(email="maggie@demo.example")
    assert maggie.quiz_attempts.count() == 2
    for session in TrainingSession.objects.all():
        assert session.bookings.filter(status="booked").count() <= session.capacity
    asha = User.objects.get(email="asha.citizen@demo.example")
    assert asha.journal_entries.count() == 3
    assert asha.ordering_attempts.count() == 2
    assert asha.quiz_attempts.count() == 1
    # Check-ins spread over months, and the latest rated higher than the first.
    tips = list(asha.tip_check_ins.order_by("created_at"))
    assert len(tips) == 3 and (tips[-1].created_at - tips[0].created_at).days >= 100
    confident = [c.answers.filter(answer="confident").count() for c in tips]
    assert confident == sorted(confident) and confident[0] < confident[-1]
    for person in User.objects.filter(email__in=["maggie@demo.example", "tom@demo.example"]):
        assert person.recipe_check_ins.count() == 3
