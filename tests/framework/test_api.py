"""The public guidance API under /api/v1/framework/."""

import pytest

from copro.framework.models import GlossaryTerm, Principle, StaircaseStep


@pytest.mark.django_db
def test_staircase_lists_the_steps_with_the_documented_fields_only(client):
    response = client.get("/api/v1/framework/staircase")

    assert response.status_code == 200
    steps = response.json()
    assert [set(step) for step in steps] == [
        {"order", "slug", "name", "summary", "who_has_power", "shares_power"}
    ] * 7
    assert [step["slug"] for step in steps] == list(
        StaircaseStep.objects.order_by("order").values_list("slug", flat=True)
    )
    assert steps[0]["order"] == 1
    assert steps[6] == {
        "order": 7,
        "slug": "co-produce",
        "name": "Co-produce",
        "summary": StaircaseStep.objects.get(order=7).summary,
        "who_has_power": StaircaseStep.objects.get(order=7).who_has_power,
        "shares_power": True,
    }


@pytest.mark.django_db
def test_principles_lists_the_four_principles_with_the_documented_fields_only(client):
    response = client.get("/api/v1/framework/principles")

    assert response.status_code == 200
    principles = response.json()
    assert [set(item) for item in principles] == [
        {"order", "slug", "name", "summary", "description", "in_practice"}
    ] * 4
    assert [item["slug"] for item in principles] == [
        "equality",
        "diversity",
        "access",
        "reciprocity",
    ]
    assert principles[2]["in_practice"] == Principle.objects.get(slug="access").in_practice


@pytest.mark.django_db
def test_glossary_lists_terms_alphabetically_with_the_documented_fields_only(client):
    response = client.get("/api/v1/framework/glossary")

    assert response.status_code == 200
    terms = response.json()
    assert len(terms) == GlossaryTerm.objects.count()
    assert {frozenset(item) for item in terms} == {
        frozenset({"slug", "term", "definition", "see_also"})
    }
    assert [item["term"] for item in terms] == sorted(
        (item["term"] for item in terms), key=str.casefold
    )
    access = next(item for item in terms if item["slug"] == "access")
    assert access["see_also"] == GlossaryTerm.objects.get(slug="access").see_also


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["staircase", "principles", "glossary"])
def test_each_endpoint_takes_one_query_and_needs_no_sign_in(
    client, django_assert_num_queries, name
):
    with django_assert_num_queries(1):  # the one list
        response = client.get(f"/api/v1/framework/{name}")

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["staircase", "principles", "glossary"])
def test_each_endpoint_is_read_only(client, name):
    assert client.post(f"/api/v1/framework/{name}").status_code == 405


@pytest.mark.django_db
def test_the_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()

    for name in ("staircase", "principles", "glossary"):
        operation = schema["paths"][f"/api/v1/framework/{name}"]["get"]
        assert operation["tags"] == ["framework"]
        assert "security" not in operation
