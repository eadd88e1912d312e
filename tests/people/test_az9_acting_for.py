"""AZ-9: acting for someone needs their current consent; it is recorded and they can see it."""

import pytest

from copro.people.models import AccessNeed, Supporter, User
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor

NEEDS = {"contact_method": "email", "needs": ["bsl_interpreter"]}


@pytest.fixture
def supporter(db):
    return UserFactory(display_name="Sunil")


@pytest.mark.django_db
def test_az9_with_consent_a_supporter_can_act_and_the_person_sees_it(client, citizen_a, supporter):
    client.force_login(citizen_a)
    response = client.post(
        "/account/someone-to-help/",
        {"email": supporter.email, "relationship": "my son", "consent": "on"},
    )
    assert response.status_code == 302
    client.force_login(supporter)
    url = f"/account/for/{citizen_a.pk}/contact-and-needs/"
    page = client.get(url).content.decode()
    assert f"You are entering this for {citizen_a.display_name}" in page
    assert client.post(url, NEEDS).status_code == 302
    assert AccessNeed.objects.filter(user=citizen_a, need="bsl_interpreter").exists()
    client.force_login(citizen_a)
    account = client.get("/account/").content.decode()
    assert "Changed how to contact you and what you need" in account and "Sunil" in account


@pytest.mark.django_db
def test_az9_revoking_consent_takes_effect_at_once(client, citizen_a, supporter):
    record = Supporter.objects.create(person=citizen_a, supporter=supporter)
    client.force_login(supporter)
    url = f"/account/for/{citizen_a.pk}/times/"
    assert client.get(url).status_code == 200
    client.force_login(citizen_a)
    client.post(f"/account/someone-to-help/{record.pk}/stop/")
    client.force_login(supporter)
    assert client.get(url).status_code == 404
    assert client.post(url, {"slot_0_morning": "on"}).status_code == 404


@pytest.mark.django_db
def test_az9_no_consent_means_404_for_someone_else(client, citizen_a, citizen_b, supporter):
    Supporter.objects.create(person=citizen_a, supporter=supporter)
    client.force_login(supporter)
    for path in ["profile", "contact-and-needs", "times"]:
        assert client.get(f"/account/for/{citizen_b.pk}/{path}/").status_code == 404
    assert client.post(f"/account/for/{citizen_b.pk}/contact-and-needs/", NEEDS).status_code == 404
    assert not AccessNeed.objects.filter(user=citizen_b).exists()


@pytest.mark.django_db
def test_az9_staff_can_enter_what_a_citizen_said_but_not_for_other_staff(client, citizen_a):
    staff = UserFactory(role=User.Role.STAFF)
    other_staff = UserFactory(role=User.Role.STAFF)
    client.force_login(staff)
    verify_second_factor(client, staff)
    url = f"/account/for/{citizen_a.pk}/contact-and-needs/"
    response = client.post(url, NEEDS)
    assert response.status_code == 302
    assert AccessNeed.objects.filter(user=citizen_a).exists()
    assert client.get(f"/account/for/{other_staff.pk}/times/").status_code == 404


@pytest.mark.django_db
def test_a_citizen_cannot_revoke_someone_elses_supporter(client, citizen_a, citizen_b, supporter):
    record = Supporter.objects.create(person=citizen_b, supporter=supporter)
    client.force_login(citizen_a)
    assert client.post(f"/account/someone-to-help/{record.pk}/stop/").status_code == 404
    record.refresh_from_db()
    assert record.revoked_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("nobody@example.org", "There is no account with that email address"),
        ("citizen.a@example.org", "You cannot be your own supporter"),
    ],
)
def test_adding_a_supporter_explains_problems(client, citizen_a, email, message):
    client.force_login(citizen_a)
    body = client.post(
        "/account/someone-to-help/", {"email": email, "consent": "on"}
    ).content.decode()
    assert message in body and "There is a problem" in body
    assert not Supporter.objects.exists()
