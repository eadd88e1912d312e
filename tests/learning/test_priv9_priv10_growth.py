"""PRIV-9 and PRIV-10 for the private learning record: a person's export has their staircase
attempts, check-ins and journal (and none of anyone else's); erasing them removes it all."""

import json

import pytest

from copro.learning.models import JournalEntry, OrderingAttempt, RecipeCheckIn, TipCheckIn
from copro.people import your_data
from tests.learning.world import own_record


@pytest.mark.django_db
def test_priv9_export_holds_my_learning_record_and_none_of_theirs(citizen_a, citizen_b):
    own_record(citizen_a)
    theirs = own_record(citizen_b)["journal_entry"]
    theirs.reflection = "Their private canary"
    theirs.save()
    exported = json.dumps(your_data.export_for(citizen_a), default=str)
    for label in (
        "Your staircase ordering answers",
        "Your tips checklist answers",
        "Your values and skills ratings",
        "Your reflection journal",
    ):
        assert label in exported
    assert "Canary thoughts" in exported
    assert "Their private canary" not in exported


@pytest.mark.django_db
def test_priv10_erasing_a_person_removes_their_learning_record(citizen_a, citizen_b):
    own_record(citizen_a)
    own_record(citizen_b)
    your_data.account_erase(user=citizen_a)
    for model in (OrderingAttempt, TipCheckIn, RecipeCheckIn, JournalEntry):
        assert not model.objects.filter(person=citizen_a).exists(), model
        assert model.objects.filter(person=citizen_b).exists(), model
