"""AUTH-4: an invitation works once, for 14 days, and never becomes a way to sign in later."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from copro.people import signin
from copro.people.models import Invitation, User
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor

INVITE_LINK = re.compile(r"http://[^\s\"]+/account/invitation/([A-Za-z0-9_-]+)/")
NEW_PASSWORD = "a long new passphrase 42"


@pytest.fixture
def administrator_role(db):
    return UserFactory(email="admin.role@example.org", display_name="Ade", role="administrator")


def invite(by, *, email="new.person@example.org", role=User.Role.CITIZEN, name="Nell"):
    return signin.invitation_create(email=email, display_name=name, role=role, by=by)


def accept(client, token, **data):
    form = {"display_name": "Nell", "sign_in_with": "link", **data}
    return client.post(f"/account/invitation/{token}/", form)


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_auth4_an_invitation_is_emailed_with_a_link_to_the_site(staff_a):
    invitation, token = invite(staff_a)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert INVITE_LINK.search(message.body).group(1) == token
    assert message.body.count("http://127.0.0.1:8000/account/invitation/") == 1
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)
    # Only the hash is kept.
    assert token not in invitation.token_hash and len(invitation.token_hash) == 64


@pytest.mark.django_db
def test_auth4_accepting_makes_the_account_signs_in_and_lands_without_the_token(client, staff_a):
    _, token = invite(staff_a)
    response = accept(client, token)
    assert response.status_code == 302 and response["Location"] == "/account/"
    person = User.objects.get(email="new.person@example.org")
    assert person.role == User.Role.CITIZEN and not person.is_staff
    assert not person.has_usable_password()  # "a link sent to my email each time"
    assert signed_in_user_id(client) == str(person.pk)
    invitation = Invitation.objects.get()
    assert invitation.accepted_user == person and invitation.accepted_at is not None


@pytest.mark.django_db
def test_auth4_accepting_twice_is_refused(client, staff_a):
    _, token = invite(staff_a)
    accept(client, token)
    client.post("/account/sign-out/")
    again = accept(client, token, display_name="Someone else")
    assert again.status_code == 200
    assert "This invitation has expired or has been used" in again.content.decode()
    assert signed_in_user_id(client) is None
    assert User.objects.filter(email="new.person@example.org").count() == 1
    with pytest.raises(ValidationError):
        signin.invitation_accept(token=token, display_name="X", password_or_none=None)


@pytest.mark.django_db
def test_auth4_an_invitation_older_than_fourteen_days_is_refused(client, staff_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _, token = invite(staff_a)
    with time_machine.travel(start + timedelta(days=14, seconds=1), tick=False):
        page = client.get(f"/account/invitation/{token}/")
        assert "This invitation has expired or has been used" in page.content.decode()
        accept(client, token)
    assert not User.objects.filter(email="new.person@example.org").exists()
    with time_machine.travel(start + timedelta(days=13, hours=23), tick=False):
        assert accept(client, token).status_code == 302


@pytest.mark.django_db
def test_auth4_an_accepted_invitation_cannot_sign_anyone_in_later(client, staff_a):
    _, token = invite(staff_a)
    accept(client, token, sign_in_with="password", password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    person = User.objects.get(email="new.person@example.org")
    assert person.check_password(NEW_PASSWORD)
    client.post("/account/sign-out/")
    # Neither the invitation page nor the sign-in-link page accepts the invitation's token.
    for url in (f"/account/invitation/{token}/", f"/account/sign-in/link/{token}/"):
        client.get(url)
        client.post(url, {"display_name": "x", "sign_in_with": "link"})
        assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_auth4_unknown_used_and_expired_invitations_look_the_same(client, staff_a):
    from tests.people.test_view_sign_in import without_csrf

    _, used = invite(staff_a, email="used@example.org")
    accept(client, used)
    client.post("/account/sign-out/")
    start = timezone.now()
    with time_machine.travel(start - timedelta(days=20), tick=False):
        _, expired = invite(staff_a, email="expired@example.org")
    pages = [
        client.get(f"/account/invitation/{token}/")
        for token in (used, expired, "no-such-invitation")
    ]
    bodies = {without_csrf(p.content.decode()) for p in pages}
    assert len(bodies) == 1
    assert "contact the member of staff who invited you" in bodies.pop()


@pytest.mark.django_db
def test_auth4_a_citizen_cannot_invite(client, citizen_a):
    with pytest.raises(PermissionDenied):
        invite(citizen_a)
    client.force_login(citizen_a)
    assert client.get("/account/invite/").status_code == 404
    response = client.post(
        "/account/invite/", {"email": "x@example.org", "display_name": "X", "role": "citizen"}
    )
    assert response.status_code == 404
    assert Invitation.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", [User.Role.STAFF, User.Role.ADMINISTRATOR])
def test_auth4_staff_cannot_invite_staff_or_administrators(client, staff_a, role):
    with pytest.raises(PermissionDenied):
        invite(staff_a, role=role)
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    page = client.get("/account/invite/").content.decode()
    assert 'value="citizen"' in page and f'value="{role}"' not in page
    response = client.post(
        "/account/invite/", {"email": "x@example.org", "display_name": "X", "role": role}
    )
    assert response.status_code == 200
    assert "Choose what they will do here" in response.content.decode()
    assert Invitation.objects.count() == 0


@pytest.mark.django_db
def test_auth4_an_administrator_can_invite_an_administrator_who_must_use_a_password(
    client, administrator_role
):
    _, token = invite(administrator_role, role=User.Role.ADMINISTRATOR, email="ad2@example.org")
    page = client.get(f"/account/invitation/{token}/").content.decode()
    assert "With a link sent to my email each time" not in page
    refused = accept(client, token, sign_in_with="link")
    assert refused.status_code == 200 and "Create a password" in refused.content.decode()
    assert not User.objects.filter(email="ad2@example.org").exists()
    accept(client, token, sign_in_with="password", password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    person = User.objects.get(email="ad2@example.org")
    assert person.role == User.Role.ADMINISTRATOR and person.is_staff
    # Signed in, but the second step comes first (AUTH-5).
    assert client.get("/account/")["Location"].startswith("/account/two-step/set-up/")


@pytest.mark.django_db
def test_auth4_an_address_that_already_has_an_account_is_refused(client, staff_a, citizen_a):
    with pytest.raises(ValidationError):
        invite(staff_a, email=citizen_a.email.upper())
    assert Invitation.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
def test_auth4_an_invitation_closes_when_the_address_gets_an_account_another_way(client, staff_a):
    _, first = invite(staff_a)
    _, second = invite(staff_a)
    accept(client, first)
    client.post("/account/sign-out/")
    page = client.get(f"/account/invitation/{second}/")
    assert "This invitation has expired or has been used" in page.content.decode()


@pytest.mark.django_db
def test_auth4_a_weak_password_is_refused_and_nothing_is_saved(client, staff_a):
    _, token = invite(staff_a)
    response = accept(client, token, sign_in_with="password", password1="123", password2="123")
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body and "This password is too short" in body
    assert not User.objects.filter(email="new.person@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.django_db
def test_priv10_deleting_an_account_erases_its_invitation_and_sign_in_links(client, staff_a):
    from copro.people import your_data
    from copro.people.models import SignInLink

    _, token = invite(staff_a)
    accept(client, token)
    person = User.objects.get(email="new.person@example.org")
    SignInLink.objects.get_or_create(
        user=person,
        token_hash="0" * 64,
        defaults={"expires_at": timezone.now() + timedelta(minutes=10)},
    )
    exported = your_data.export_for(user=person)
    assert "new.person@example.org" in str(exported)
    your_data.account_erase(user=person)
    assert not Invitation.objects.filter(email__iexact="new.person@example.org").exists()
    assert not SignInLink.objects.filter(user=person).exists()
    # The inviter's export names who they invited, never their address.
    assert "new.person@example.org" not in str(your_data.export_for(user=staff_a))
