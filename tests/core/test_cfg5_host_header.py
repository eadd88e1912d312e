"""CFG-5: an unknown Host is refused; e-mailed links use the configured site address."""

import re

import pytest
from django.core import mail
from django.test import override_settings


@pytest.mark.django_db
def test_cfg5_unknown_host_gets_400(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


@pytest.mark.django_db
@override_settings(
    SITE_URL="https://together.example.gov.uk", ALLOWED_HOSTS=["testserver", "other.example"]
)
def test_cfg5_reset_links_use_the_site_url(client, citizen_a):
    client.post("/account/reset-password/", {"email": citizen_a.email}, HTTP_HOST="other.example")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    links = re.findall(r"https?://[^\s]+", body)
    assert links and all(link.startswith("https://together.example.gov.uk/") for link in links)
    assert "other.example" not in body
    html = mail.outbox[0].alternatives[0][0]
    assert "other.example" not in html
