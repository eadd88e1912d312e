"""IO-9: arbitrary input to every form gives a plain error page, never a 500, and saves nothing."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from copro.people.models import User

text = st.text(max_size=300)


def row_counts():
    return User.objects.count(), Session.objects.count()


@pytest.mark.django_db
@given(email=text, password=text)
def test_io9_sign_in_with_any_text(email, password):
    before = row_counts()
    response = Client().post("/account/sign-in/", {"username": email, "password": password})
    assert response.status_code in (200, 429)
    if response.status_code == 200:
        assert "There is a problem" in response.content.decode()
    assert row_counts() == before


@pytest.mark.django_db
@given(email=text)
def test_io9_password_reset_with_any_text(email):
    before = row_counts()
    response = Client().post("/account/reset-password/", {"email": email})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "There is a problem" in response.content.decode()
    assert row_counts() == before


@pytest.mark.django_db
@given(old=text, new1=text, new2=text)
def test_io9_password_change_with_any_text_keeps_the_old_password(old, new1, new2):
    person, _ = User.objects.get_or_create(
        email="change@example.org", defaults={"display_name": "Chan"}
    )
    person.set_password("the original passphrase")
    person.save()
    client = Client()
    client.force_login(person)
    response = client.post(
        "/account/change-password/",
        {"old_password": old, "new_password1": new1, "new_password2": new2},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    person.refresh_from_db()
    assert person.check_password("the original passphrase")


@pytest.mark.django_db
def test_io9_a_nul_character_in_a_name_is_refused_beside_the_field(client, citizen_a):
    client.force_login(citizen_a)
    response = client.post("/account/profile/", {"display_name": "A\x00sha"})
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()
    citizen_a.refresh_from_db()
    assert "\x00" not in citizen_a.display_name
