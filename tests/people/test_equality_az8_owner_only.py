"""AZ-8: a person's equality answers are seen by that person only - not by other citizens, staff,
administrators or superusers; not through pages, exports, the admin pages or the API."""

import json

import pytest
from django.contrib import admin

from copro.people import equality
from copro.people.models.equality import EqualityAnswers, EqualityKey, ReferenceFigure
from tests.people.factories import UserFactory
from tests.people.test_equality_helpers import sign_in

pytestmark = pytest.mark.django_db

# The answers of citizen A are made distinctive so that any leak would show.
A_ANSWERS = {"religion": "jewish", "ethnic_group": "black", "circumstances": ["homeless"]}
A_WORDS = ["Jewish", "Black, Black British", "Homeless, or without a settled home"]


@pytest.fixture
def a_answers(citizen_a):
    equality.equality_consent_give(user=citizen_a)
    return equality.equality_answers_save(user=citizen_a, **A_ANSWERS)


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.org", is_staff=True, is_superuser=True, role="citizen")


PERSONAS = ["anonymous", "citizen_b", "staff_a", "administrator", "superuser"]


def as_persona(client, request, persona):
    if persona != "anonymous":
        sign_in(client, request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "path",
    [
        "/account/equality/your-answers/?user={pk}",
        "/account/equality/questions/?user={pk}",
        "/account/equality/{pk}/",
        "/account/equality/your-answers/{pk}/",
        "/account/equality/answers/{pseudonym}/",
        "/admin/people/equalityanswers/",
        "/admin/people/equalityanswers/{answers_pk}/change/",
        "/admin/people/equalitykey/",
        "/api/v1/equality/{pk}",
    ],
)
def test_az8_nobody_else_sees_a_persons_answers(
    client, request, a_answers, citizen_a, persona, path
):
    as_persona(client, request, persona)
    url = path.format(pk=citizen_a.pk, pseudonym=a_answers.pseudonym, answers_pk=a_answers.pk)
    response = client.get(url, follow=False)
    body = response.content.decode()
    assert response.status_code in {302, 404}, (url, response.status_code)
    if response.status_code == 302:  # only ever to sign in, or to the viewer's own start page
        assert response["Location"].startswith(
            ("/account/sign-in/", "/account/equality/", "/admin/login/")
        )
        assert "user=" not in response["Location"].split("next=")[0]
    for word in A_WORDS:
        assert word not in body


@pytest.mark.parametrize("persona", ["citizen_b", "staff_a", "administrator", "superuser"])
def test_az8_your_answers_is_always_the_viewers_own(client, request, a_answers, persona):
    as_persona(client, request, persona)
    response = client.get("/account/equality/your-answers/")
    assert response.status_code == 302 and response["Location"] == "/account/equality/"
    start = client.get("/account/equality/").content.decode()
    for word in A_WORDS:
        assert word not in start


@pytest.mark.parametrize("persona", ["citizen_b", "staff_a", "administrator", "superuser"])
def test_az8_no_one_elses_answers_are_in_an_export(client, request, a_answers, persona):
    as_persona(client, request, persona)
    export = client.get("/account/your-data/download/").content.decode()
    assert str(a_answers.pseudonym) not in export
    for word in A_WORDS:
        assert word not in export


def test_az8_the_owner_sees_their_own_answers(client, citizen_a, a_answers):
    sign_in(client, citizen_a)
    page = client.get("/account/equality/your-answers/").content.decode()
    assert all(word in page for word in A_WORDS)


@pytest.mark.parametrize("path", ["/admin/people/equalityanswers/", "/admin/people/equalitykey/"])
def test_az8_a_verified_superuser_finds_no_equality_admin_page(client, superuser, a_answers, path):
    sign_in(client, superuser)
    assert client.get(path).status_code == 404
    for index in ("/admin/", "/admin/people/"):
        assert "quality" not in client.get(index).content.decode()


def test_az8_the_equality_models_are_not_in_the_admin_pages():
    for model in (EqualityAnswers, EqualityKey, ReferenceFigure):
        assert model not in admin.site._registry


def test_az8_no_api_operation_or_schema_mentions_equality_data(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    text = json.dumps(schema.json()).lower()
    for word in [
        "equality",
        "pseudonym",
        "ethnic",
        "sexual_orientation",
        "gender_identity",
        "religion",
        "disability",
        "unpaid_carer",
        "circumstances",
        "age_band",
    ]:
        assert word not in text
