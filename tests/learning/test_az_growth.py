"""AZ-1, AZ-5, AZ-7 for a person's own learning record: ordering attempts, tips and values
check-ins and the journal. Someone else's id answers exactly like an id that does not exist -
for other citizens, ambassadors, staff and administrators alike - and lists show the person's
own rows only. The journal is not in the admin site at all."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from copro.learning.models import (
    JournalEntry,
    OrderingAttempt,
    RecipeCheckIn,
    RecipeRating,
    TipAnswer,
    TipCheckIn,
)
from tests.learning.test_az_learning import OWNED, sign_in
from tests.learning.world import make_ambassador, own_record
from tests.people.factories import UserFactory

OTHERS = ["other_citizen", "ambassador", "staff", "administrator"]


@pytest.fixture
def cast(db):
    owner = UserFactory(display_name="Asha")
    return {
        "owner": owner,
        "record": own_record(owner),
        "other_citizen": UserFactory(display_name="Ben"),
        "ambassador": make_ambassador(),
        "staff": UserFactory(display_name="Sam", role="staff"),
        "administrator": UserFactory(
            display_name="Ada", role="administrator", is_staff=True, is_superuser=True
        ),
    }


def _without_tokens(body: bytes) -> bytes:
    return re.sub(rb'(content|nonce|value)="[^"]*"', b"", body)


GROWTH_ROUTES = {k: v for k, v in OWNED.items() if k != "attempt"}


@pytest.mark.parametrize("persona", OTHERS)
@pytest.mark.parametrize("route", sorted(GROWTH_ROUTES))
def test_az1_someone_elses_record_is_the_same_404_as_a_missing_one(client, cast, persona, route):
    sign_in(client, cast, persona)
    obj = cast["record"][GROWTH_ROUTES[route]]
    ask = client.post if route == "journal_delete" else client.get
    theirs = ask(reverse(f"learning:{route}", kwargs={"pk": obj.pk}))
    missing = ask(reverse(f"learning:{route}", kwargs={"pk": 999999}))
    assert theirs.status_code == missing.status_code == 404
    assert _without_tokens(theirs.content) == _without_tokens(missing.content)
    assert b"Canary thoughts" not in theirs.content
    assert JournalEntry.objects.filter(pk=cast["record"]["journal_entry"].pk).exists()


def test_az1_the_owner_reads_each_of_their_own_rows(client, cast):
    sign_in(client, cast, "owner")
    for route, key in GROWTH_ROUTES.items():
        if route != "journal_delete":
            url = reverse(f"learning:{route}", kwargs={"pk": cast["record"][key].pk})
            assert client.get(url).status_code == 200, route
    entry = client.get(cast["record"]["journal_entry"].get_absolute_url())
    assert b"Canary thoughts" in entry.content


def test_az5_wrong_methods_are_refused(client, cast):
    sign_in(client, cast, "owner")
    record = cast["record"]
    for name in ("tips", "recipe", "journal"):
        assert client.post(reverse(f"learning:{name}")).status_code == 405
    for route in ("ordering_attempt", "tip_check_in", "recipe_check_in", "journal_entry"):
        url = reverse(f"learning:{route}", kwargs={"pk": record[GROWTH_ROUTES[route]].pk})
        assert client.post(url).status_code == 405, route
    delete = reverse("learning:journal_delete", kwargs={"pk": record["journal_entry"].pk})
    assert client.get(delete).status_code == 405
    assert JournalEntry.objects.exists()


@pytest.mark.parametrize("persona", OTHERS)
def test_az7_lists_show_only_the_viewers_own_rows(client, cast, persona):
    sign_in(client, cast, persona)
    record = cast["record"]
    pages = {
        "ordering": ("quiz/staircase", record["ordering_attempt"]),
        "tips": ("tips", record["tip_check_in"]),
        "recipe": ("values-and-skills", record["recipe_check_in"]),
        "journal": ("journal", record["journal_entry"]),
    }
    for name, (prefix, theirs) in pages.items():
        body = client.get(reverse(f"learning:{name}")).content.decode()
        linked = {int(pk) for pk in re.findall(rf"/learning/{prefix}/(\d+)/", body)}
        assert linked == set(), (name, linked)
        assert f"/learning/{prefix}/{theirs.pk}/" not in body
        assert "Canary thoughts" not in body


def test_az8_style_the_private_record_is_not_in_the_admin_site():
    for model in (
        OrderingAttempt,
        TipCheckIn,
        TipAnswer,
        RecipeCheckIn,
        RecipeRating,
        JournalEntry,
    ):
        assert model not in admin.site._registry, model


def test_writes_only_ever_go_to_the_signed_in_persons_record(client, cast):
    """AZ-4: a `person` key in the POST body is ignored."""
    from copro.framework.models import LitmusQuestion

    sign_in(client, cast, "other_citizen")
    client.post(
        reverse("learning:journal_new"),
        {
            "question": LitmusQuestion.objects.first().pk,
            "reflection": "Mine",
            "person": cast["owner"].pk,
        },
    )
    assert JournalEntry.objects.get(reflection="Mine").person == cast["other_citizen"]
