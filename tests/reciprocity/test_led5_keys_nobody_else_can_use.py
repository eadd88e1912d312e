"""LED-5: request keys are scoped to the person who sends them and the kind of write, so a
predictable key cannot pre-claim someone else's write (issue 14, finding 4)."""

import pytest

from copro.reciprocity import services
from copro.reciprocity.models import Transaction
from tests.reciprocity.conftest import sign_in

pytestmark = pytest.mark.django_db


def spend(client, person, offer, key):
    sign_in(client, person)
    return client.post(f"/thanks/offers/{offer.pk}/spend/", {"key": key})


def test_led5_a_citizen_cannot_pre_claim_the_key_of_a_future_reward(client, citizen, staff, offer):
    services.credits_issue(person=citizen, amount=5, idempotency_key="w", memo="Day", by=staff)
    assert spend(client, citizen, offer, "reward:1:credits").status_code == 302
    assert not Transaction.objects.filter(idempotency_key="reward:1:credits").exists()
    # staff confirming reward 1 later still gives the credits
    given = services.credits_issue(
        person=citizen, amount=3, idempotency_key="reward:1:credits", memo="Meeting", by=staff
    )
    assert given.replayed is False
    assert given.entries.get(account__person=citizen).amount == 3


def test_led5_two_people_sending_the_same_key_each_get_their_own_write(
    client, citizen, other_citizen, staff, offer
):
    for person in (citizen, other_citizen):
        services.credits_issue(
            person=person, amount=5, idempotency_key=f"w{person.pk}", memo="Day", by=staff
        )
    spend(client, citizen, offer, "same-key")
    spend(client, other_citizen, offer, "same-key")
    assert Transaction.objects.filter(kind="spend").count() == 2
    assert services.person_account(citizen).balance == 3
    assert services.person_account(other_citizen).balance == 3


def test_led5_the_same_person_sending_a_key_twice_spends_once(client, citizen, staff, offer):
    services.credits_issue(person=citizen, amount=5, idempotency_key="w", memo="Day", by=staff)
    spend(client, citizen, offer, "double-click")
    spend(client, citizen, offer, "double-click")
    assert Transaction.objects.filter(kind="spend").count() == 1
    assert services.person_account(citizen).balance == 3


def test_led5_a_stored_web_key_names_the_kind_and_person_only():
    class Someone:
        pk = 7

    key = services.request_key(kind="spend", person=Someone(), key="x" * 100)
    assert key.startswith("web:spend:7:") and len(key) <= 100


def claim(client, person, key, receipt=None):
    sign_in(client, person)
    form = {
        "key": key,
        "kind": "travel",
        "description": "Bus to the meeting",
        "amount": "4.80",
        "incurred_on": "2026-01-05",
    }
    if receipt is not None:
        form["receipt"] = receipt
    return client.post("/thanks/expenses/new/", form)


def test_led5_a_double_clicked_expense_claim_makes_one_expense(client, citizen, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from copro.reciprocity.models import Expense
    from tests.reciprocity.conftest import A_PDF

    settings.MEDIA_ROOT = tmp_path / "media"
    page = (sign_in(client, citizen) or client).get("/thanks/expenses/new/").content.decode()
    assert 'name="key"' in page  # the key is made when the form is shown
    for _ in range(2):
        response = claim(client, citizen, "form-1", SimpleUploadedFile("r.pdf", A_PDF))
        assert response.status_code == 302
    assert Expense.objects.count() == 1
    stored = [p for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert len(stored) == 1  # the second receipt was not kept either
    claim(client, citizen, "form-2")
    assert Expense.objects.count() == 2
