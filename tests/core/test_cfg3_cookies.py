"""CFG-3: session and CSRF cookies are __Host- prefixed, Secure, host-only, and Lax."""

import pytest


@pytest.mark.django_db
def test_cfg3_cookies_after_sign_in(client, citizen_a, password):
    client.get("/account/sign-in/")
    response = client.post("/account/sign-in/", {"username": citizen_a.email, "password": password})
    assert response.status_code == 302
    cookies = {**client.cookies, **response.cookies}
    session = cookies["__Host-sessionid"]
    csrf = cookies["__Host-csrftoken"]
    for cookie in (session, csrf):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
        assert cookie["samesite"] == "Lax"
    assert session["httponly"] is True
