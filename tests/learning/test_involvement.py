"""Training appears in the person's record of involvement, and only their own."""

import pytest

from copro.people.involvement import involvement_record
from tests.learning.world import complete
from tests.people.factories import UserFactory


@pytest.mark.django_db
def test_completed_training_is_in_the_record_of_involvement(world, citizen_a):
    complete(citizen_a, world.level_1, world.ambassador)
    complete(UserFactory(), world.level_2, world.ambassador)
    record = involvement_record(user=citizen_a)
    training = next(s for s in record.sections if s.title == "Training")
    assert [(e.what, e.detail) for e in training.entries] == [
        ("Level 1: What is co-production?", "Completed")
    ]
