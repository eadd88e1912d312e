"""Issue 17: published audit results open without signing in, without the names of the
people who took part; rounds in progress still ask the public to sign in."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_az11_a_resident_reads_a_published_audit_without_names(client, world):
    listing = client.get(reverse("readiness:rounds"))
    assert listing.status_code == 200
    assert "Spring audit" in listing.text and "Autumn audit" not in listing.text
    page = client.get(reverse("readiness:round", kwargs={"pk": world.published_round.pk}))
    assert page.status_code == 200 and "Results" in page.text
    assert "Jo" not in page.text  # the person who took part is counted, not named
    assert "took part: 1 by experience" not in page.text or "took part" in page.text


def test_az11_an_unpublished_round_asks_the_public_to_sign_in(client, world):
    response = client.get(reverse("readiness:round", kwargs={"pk": world.open_round.pk}))
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


def test_az7_a_published_round_of_a_members_only_project_stays_hidden(client, world):
    page = client.get(reverse("readiness:rounds")).text
    assert "Bus stops audit" not in page
    response = client.get(reverse("readiness:round", kwargs={"pk": world.project_round.pk}))
    assert response.status_code == 302
