"""AUTH-9: a person sees where they are signed in and can sign the other places out."""

import pytest
from django.test import Client

from copro.people.models import SignedInSession


def sign_in(email, password, agent="Mozilla/5.0 (Windows NT 10.0) Firefox/140.0") -> Client:
    client = Client(HTTP_USER_AGENT=agent)
    assert (
        client.post("/account/sign-in/", {"username": email, "password": password}).status_code
        == 302
    )
    return client


@pytest.mark.django_db
def test_auth9_the_list_shows_each_place_with_a_plain_device_name(citizen_a, password):
    laptop = sign_in(citizen_a.email, password)
    sign_in(citizen_a.email, password, agent="Mozilla/5.0 (Linux; Android 15) Chrome/140.0")
    body = laptop.get("/account/signed-in/").content.decode()
    assert "Firefox on Windows" in body and "Chrome on Android" in body
    assert "This device" in body


@pytest.mark.django_db
def test_auth9_signing_out_everywhere_else_ends_the_other_sessions(citizen_a, password):
    laptop = sign_in(citizen_a.email, password)
    phone = sign_in(citizen_a.email, password)
    response = laptop.post("/account/signed-in/", {"end": "others"})
    assert response.status_code == 302
    assert laptop.get("/api/v1/me").status_code == 200
    assert phone.get("/api/v1/me").status_code == 401
    assert SignedInSession.objects.filter(user=citizen_a).count() == 1


@pytest.mark.django_db
def test_auth9_signing_out_one_other_place(citizen_a, password):
    laptop = sign_in(citizen_a.email, password)
    phone = sign_in(citizen_a.email, password)
    phone_row = SignedInSession.objects.get(session_key=phone.session.session_key)
    laptop.post("/account/signed-in/", {"end": phone_row.pk})
    assert phone.get("/api/v1/me").status_code == 401
    assert laptop.get("/api/v1/me").status_code == 200


@pytest.mark.django_db
def test_auth9_someone_elses_session_id_is_404_and_changes_nothing(citizen_a, citizen_b, password):
    mine = sign_in(citizen_a.email, password)
    theirs = sign_in(citizen_b.email, password)
    their_row = SignedInSession.objects.get(user=citizen_b)
    response = mine.post("/account/signed-in/", {"end": their_row.pk})
    assert response.status_code == 404
    assert theirs.get("/api/v1/me").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["", "abc", "99999"])
def test_auth9_nonsense_ids_are_404(citizen_a, password, value):
    client = sign_in(citizen_a.email, password)
    assert client.post("/account/signed-in/", {"end": value}).status_code == 404


@pytest.mark.django_db
def test_auth9_signing_out_removes_the_row(citizen_a, password):
    client = sign_in(citizen_a.email, password)
    client.post("/account/sign-out/")
    assert not SignedInSession.objects.filter(user=citizen_a).exists()


@pytest.mark.django_db
def test_account_pages_need_sign_in(client):
    for path in ["/account/", "/account/signed-in/", "/account/change-password/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/sign-in/?next=")


@pytest.mark.django_db
def test_sessions_page_query_count_does_not_grow_with_sessions(
    citizen_a, password, django_assert_max_num_queries
):
    client = sign_in(citizen_a.email, password)
    for _ in range(5):
        sign_in(citizen_a.email, password)
    # session, user, the signed-in list (one query with a subquery), messages none.
    with django_assert_max_num_queries(4):
        response = client.get("/account/signed-in/")
    assert response.content.decode().count("Sign out<span") == 5
