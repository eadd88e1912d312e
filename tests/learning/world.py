"""A small training world: the three levels (rows of the guidance), an ambassador, a venue and
one session of each level a week from now."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from copro.framework.models import (
    LitmusQuestion,
    NetworkGroup,
    Skill,
    StaircaseStep,
    Tip,
    TrainingLevel,
    Value,
)
from copro.learning import services_growth
from copro.learning.models import TrainingSession
from copro.meetings.models import Venue
from copro.people.models import GroupMembership, User
from tests.people.factories import UserFactory


@dataclass
class LearningWorld:
    ambassador: User
    venue: Venue
    level_1: TrainingLevel
    level_2: TrainingLevel
    level_3: TrainingLevel
    session_1: TrainingSession
    session_2: TrainingSession
    session_3: TrainingSession


def make_ambassador(**kwargs) -> User:
    person = UserFactory(**{"display_name": "Amir", **kwargs})
    GroupMembership.objects.create(
        group=NetworkGroup.objects.get(slug="ambassadors-network"),
        user=person,
        joined_on=timezone.localdate(),
    )
    return person


def make_session(
    level: TrainingLevel, ambassador: User, *, venue=None, capacity=10, days=7, **kwargs
) -> TrainingSession:
    return TrainingSession.objects.create(
        level=level,
        ambassador=ambassador,
        date=timezone.localdate() + datetime.timedelta(days=days),
        starts_at=datetime.time(10, 0),
        venue=venue,
        online_link="" if venue else "https://meet.example.org/training",
        capacity=capacity,
        **kwargs,
    )


def make_world(capacity: int = 10) -> LearningWorld:
    ambassador = make_ambassador()
    venue = Venue.objects.create(
        name="Town Hall", address="1 High Street", features=["step_free", "hearing_loop"]
    )
    levels = {level.order: level for level in TrainingLevel.objects.all()}
    return LearningWorld(
        ambassador=ambassador,
        venue=venue,
        level_1=levels[1],
        level_2=levels[2],
        level_3=levels[3],
        session_1=make_session(levels[1], ambassador, venue=venue, capacity=capacity),
        session_2=make_session(levels[2], ambassador, venue=venue, capacity=capacity),
        session_3=make_session(levels[3], ambassador, capacity=capacity),
    )


def complete(person: User, level: TrainingLevel, ambassador: User):
    """Give `person` a completed session of `level`, held last month."""
    from copro.learning.models import Booking

    session = make_session(level, ambassador, days=-30)
    return Booking.objects.create(
        session=session, person=person, status="booked", attended=True, completed=True
    )


def own_record(person) -> dict:
    """One of each kind of row in a person's own learning record."""
    steps = list(StaircaseStep.objects.order_by("order").values_list("slug", flat=True))
    return {
        "ordering_attempt": services_growth.ordering_submit(person=person, placed=steps),
        "tip_check_in": services_growth.tips_check_in(
            person=person, answers={t.pk: "confident" for t in Tip.objects.all()}
        ),
        "recipe_check_in": services_growth.recipe_check_in(
            person=person,
            values={pk: 2 for pk in Value.objects.values_list("pk", flat=True)},
            skills={pk: 3 for pk in Skill.objects.values_list("pk", flat=True)},
        ),
        "journal_entry": services_growth.journal_entry_add(
            person=person, question=LitmusQuestion.objects.first(), reflection="Canary thoughts"
        ),
    }
