"""The core public pages: who may see them, their methods, and their query counts."""

import pytest

PAGES = {
    "/": "Working Together",
    "/accessibility/": "Accessibility statement",
    "/privacy/": "Privacy notice",
    "/cookies/": "Cookies",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "heading"), PAGES.items())
def test_public_page_renders_for_anonymous_people_without_queries(
    client, django_assert_num_queries, path, heading
):
    # No queries: these pages need no session, user or content rows.
    with django_assert_num_queries(0):
        response = client.get(path)
    assert response.status_code == 200
    assert heading in response.content.decode()


@pytest.mark.django_db
# Signed in, "/" is "What's next for you": its count is in tests/frontdoor/test_todo.py.
@pytest.mark.parametrize("path", [path for path in PAGES if path != "/"])
def test_public_page_for_a_signed_in_person_has_bounded_queries(
    client, citizen_a, django_assert_max_num_queries, path
):
    client.force_login(citizen_a)
    # Session, then user; the session may be saved once for the activity time.
    with django_assert_max_num_queries(4):
        response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"  # PRIV-12


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_public_page_refuses_post(client, path):
    assert client.post(path).status_code == 405


@pytest.mark.django_db
def test_the_footer_credits_the_guidance_and_the_census(client):
    body = client.get("/").content.decode()
    assert "Based on guidance by Co-production Oxfordshire" in body
    assert "Open Government Licence v3.0" in body
    assert "Crown copyright" not in body
