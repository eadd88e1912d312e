"""CFG-8: no .git, debug toolbar or media listing; admin needs staff AND a second factor."""

import pytest
from django.conf import settings
from django.test import override_settings

from tests.people.mfa_helpers import verify_second_factor

# The two-step middleware sends an unverified administrator to set up two-step sign-in before
# the admin site is even reached; without it the OTP admin site still refuses on its own.
WITHOUT_TWO_STEP_MIDDLEWARE = [
    m for m in settings.MIDDLEWARE if m != "copro.people.mfa.SecondFactorRequiredMiddleware"
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/.git/config",
        "/__debug__/",
        "/media/",
        "/media/receipts/x.pdf",
        "/api/v1/docs",
        "/static/../copro/settings.py",
    ],
)
def test_cfg8_internal_paths_are_404(client, path, citizen_a):
    assert client.get(path).status_code == 404
    client.force_login(citizen_a)
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_cfg8_admin_asks_anonymous_people_to_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_cfg8_admin_refuses_a_citizen(client, citizen_a):
    client.force_login(citizen_a)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_cfg8_admin_refuses_an_administrator_without_a_second_factor(client, administrator):
    client.force_login(administrator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/two-step/set-up/")


@pytest.mark.django_db
@override_settings(MIDDLEWARE=WITHOUT_TWO_STEP_MIDDLEWARE)
def test_cfg8_the_admin_site_itself_needs_a_second_factor(client, administrator):
    client.force_login(administrator)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_cfg8_admin_opens_for_an_administrator_with_a_verified_second_factor(client, administrator):
    client.force_login(administrator)
    verify_second_factor(client, administrator)
    assert client.get("/admin/").status_code == 200


def test_cfg8_openapi_schema_is_public_and_documents_the_api(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Working Together API"
