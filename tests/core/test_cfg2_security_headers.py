"""CFG-2: every response carries the security headers, for every route and persona."""

import re

import pytest
from django.test import override_settings

from tests.core.urlwalk import parameterless_paths
from tests.people.mfa_helpers import verify_second_factor


def assert_security_headers(response):
    hsts = response["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= 31536000
    assert "includeSubDomains" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {"same-origin", "no-referrer", "strict-origin"}
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    script_src = " ".join(directives["script-src"])
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src


PATHS = parameterless_paths()


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("persona", ["anonymous", "citizen", "administrator"])
def test_cfg2_headers_on_every_route(client, path, persona, citizen_a, administrator):
    if persona == "citizen":
        client.force_login(citizen_a)
    elif persona == "administrator":
        client.force_login(administrator)
        verify_second_factor(client, administrator)
    response = client.get(path)
    assert response.status_code < 500
    assert_security_headers(response)


@pytest.mark.django_db
def test_cfg2_headers_on_the_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.core.urls_errors", DEBUG=False)
def test_cfg2_headers_on_the_500_page(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert_security_headers(response)


def test_cfg2_the_route_list_is_not_empty():
    # The walk itself must find the public pages, or the tests above prove nothing.
    assert "/" in PATHS and "/account/sign-in/" in PATHS and "/learn/" in PATHS
