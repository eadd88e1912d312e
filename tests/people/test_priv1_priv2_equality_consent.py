"""PRIV-1 explicit consent before any answer is kept; PRIV-2 withdrawal deletes the answers."""

import logging

import pytest
import time_machine

from copro.people import equality
from copro.people.models.equality import ANSWER_CHOICES, EqualityAnswers, EqualityKey
from tests.people.test_equality_helpers import answered_people, sign_in, staff_member

pytestmark = pytest.mark.django_db

ANSWERS = {"age_band": "25_34", "ethnic_group": "mixed", "religion": "buddhist"}


def test_priv1_nothing_is_kept_when_the_consent_box_is_not_ticked(client, citizen_a):
    sign_in(client, citizen_a)
    response = client.post("/account/equality/", {})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and "Tick the box to say you agree" in body
    assert not EqualityKey.objects.exists() and not EqualityAnswers.objects.exists()


def test_priv1_answers_posted_without_consent_are_not_saved(client, citizen_a):
    sign_in(client, citizen_a)
    response = client.post("/account/equality/questions/", ANSWERS)
    assert response.status_code == 302 and response["Location"] == "/account/equality/"
    assert not EqualityAnswers.objects.exists()


def test_priv1_the_service_refuses_answers_without_consent(citizen_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        equality.equality_answers_save(user=citizen_a, **ANSWERS)
    assert not EqualityAnswers.objects.exists()


@time_machine.travel("2027-03-04 10:00 +0000", tick=False)
def test_priv1_consent_records_the_date_and_the_wording_then_answers_are_kept(client, citizen_a):
    sign_in(client, citizen_a)
    response = client.post("/account/equality/", {"consent": "on"})
    assert response["Location"] == "/account/equality/questions/"
    row = EqualityAnswers.objects.get()
    assert row.consent_given_at.isoformat() == "2027-03-04T10:00:00+00:00"
    assert row.consent_wording_version == equality.CONSENT_WORDING_VERSION
    assert all(getattr(row, name) == "" for name in ANSWER_CHOICES)  # nothing assumed
    response = client.post("/account/equality/questions/", ANSWERS)
    assert response["Location"] == "/account/equality/your-answers/"
    row.refresh_from_db()
    assert (row.age_band, row.ethnic_group, row.religion) == ("25_34", "mixed", "buddhist")


def test_priv1_every_question_is_optional_and_offers_prefer_not_to_say(client, citizen_a):
    sign_in(client, citizen_a)
    client.post("/account/equality/", {"consent": "on"})
    page = client.get("/account/equality/questions/").content.decode()
    for name in ANSWER_CHOICES:
        assert f'name="{name}" type="radio" value="prefer_not_to_say"' in page
    assert 'name="circumstances" type="checkbox" value="prefer_not_to_say"' in page
    assert page.count("(optional)") >= len(ANSWER_CHOICES) + 1
    response = client.post("/account/equality/questions/", {})  # nothing answered at all
    assert response.status_code == 302
    assert EqualityAnswers.objects.get().circumstances == []


def test_priv1_the_in_prison_answer_is_named_as_criminal_offence_data(client, citizen_a):
    sign_in(client, citizen_a)
    client.post("/account/equality/", {"consent": "on"})
    page = client.get("/account/equality/questions/").content.decode()
    assert "In prison" in page and "criminal offences" in page
    assert "criminal offences" in client.get("/account/equality/").content.decode()


def test_priv1_consent_twice_keeps_the_first_date(client, citizen_a):
    sign_in(client, citizen_a)
    client.post("/account/equality/", {"consent": "on"})
    first = EqualityAnswers.objects.get().consent_given_at
    client.post("/account/equality/", {"consent": "on"})
    assert EqualityAnswers.objects.get().consent_given_at == first
    assert EqualityKey.objects.count() == 1


def test_priv2_withdrawal_asks_first_then_deletes_the_answers_and_the_key(client, citizen_a):
    sign_in(client, citizen_a)
    client.post("/account/equality/", {"consent": "on"})
    client.post("/account/equality/questions/", ANSWERS)
    page = client.get("/account/equality/withdraw/")
    assert page.status_code == 200 and "Are you sure" in page.content.decode()
    assert EqualityAnswers.objects.exists()  # the GET changes nothing
    response = client.post("/account/equality/withdraw/")
    assert response["Location"] == "/account/equality/withdrawn/"
    assert not EqualityAnswers.objects.exists() and not EqualityKey.objects.exists()
    assert client.get("/account/equality/your-answers/")["Location"] == "/account/equality/"


def test_priv2_the_totals_drop_the_person_at_once(client, citizen_a):
    answered_people(5, ethnic_group="mixed")
    equality.equality_consent_give(user=citizen_a)
    equality.equality_answers_save(user=citizen_a, ethnic_group="mixed")

    def mixed_count():
        report = equality.inclusion_table(viewer=staff_member())
        ethnic = next(c for c in report.categories if c.field == "ethnic_group")
        return next(r for r in ethnic.rows if r.label.startswith("Mixed")).count.display

    assert mixed_count() == "5"  # 6 people, rounded
    sign_in(client, citizen_a)
    client.post("/account/equality/withdraw/")
    assert mixed_count() == "5"  # 5 people
    equality.equality_consent_withdraw(user=answered_people(1, ethnic_group="mixed")[0])


def test_priv2_the_withdrawal_is_audited_without_the_answers(client, citizen_a, caplog):
    sign_in(client, citizen_a)
    client.post("/account/equality/", {"consent": "on"})
    client.post("/account/equality/questions/", ANSWERS)
    with caplog.at_level(logging.DEBUG):
        client.post("/account/equality/withdraw/")
    records = [r for r in caplog.records if getattr(r, "event", "") == "equality_consent_withdrawn"]
    assert len(records) == 1 and records[0].user_id == citizen_a.pk
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    for value in ANSWERS.values():
        assert value not in logged


def test_priv2_withdraw_refuses_other_methods(client, citizen_a):
    sign_in(client, citizen_a)
    assert client.put("/account/equality/withdraw/").status_code == 405
    assert client.get("/account/equality/withdrawn/").status_code == 200
