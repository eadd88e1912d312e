"""POST /api/v1/plain-english returns the same report as the library."""

import pytest

from copro.plainenglish import analyse

URL = "/api/v1/plain-english"


@pytest.mark.django_db
def test_the_report_equals_the_librarys(client):
    text = "We will utilise this going forward. The plan was agreed by the group."
    response = client.post(URL, {"text": text}, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == analyse(text).to_dict()


@pytest.mark.django_db
def test_the_long_sentence_setting_is_used(client):
    text = "one two three four five six seven eight nine ten eleven twelve."
    strict = client.post(
        URL, {"text": text, "long_sentence_words": 5}, content_type="application/json"
    ).json()
    assert strict["finding_counts"]["long_sentence"] == 1
    assert strict["settings"]["long_sentence_words"] == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [{}, {"text": 5}, {"text": "x" * 100_001}, {"text": "ok", "long_sentence_words": 0}],
)
def test_bad_input_is_a_422_not_a_500(client, body):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 422


@pytest.mark.django_db
def test_get_is_not_allowed(client):
    assert client.get(URL).status_code == 405


def test_the_operation_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/plain-english"]["post"]
    assert "200" in operation["responses"]
    assert "ReportOut" in str(operation["responses"]["200"])


@pytest.mark.django_db
def test_fmt5_the_api_checks_against_the_easy_read_standard(client):
    text = "Bring three friends, and a pen."
    body = {"text": text, "standard": "easy_read"}
    data = client.post(URL, body, content_type="application/json").json()
    assert data == analyse(text, standard="easy_read").to_dict()
    assert data["settings"]["standard"] == "easy_read"
    assert data["finding_counts"]["number_word"] == 1
    refused = client.post(URL, {"text": text, "standard": "legal"}, content_type="application/json")
    assert refused.status_code == 422
