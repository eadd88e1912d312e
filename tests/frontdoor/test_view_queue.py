"""The staff queue: welcome call, invite, a record without email, or decline with a reason."""

import pytest
from django.core import mail

from copro.frontdoor.models import GetInvolvedRequest
from copro.people.models import User
from copro.people.models.support import AssistedEntry
from tests.frontdoor.factories import GetInvolvedRequestFactory

pytestmark = pytest.mark.django_db


def test_az1_citizen_gets_404_for_the_queue_and_a_request(client, citizen_a):
    item = GetInvolvedRequestFactory()
    client.force_login(citizen_a)
    assert client.get("/get-involved/requests/").status_code == 404
    assert client.get(f"/get-involved/requests/{item.pk}/").status_code == 404
    assert (
        client.post(f"/get-involved/requests/{item.pk}/decline/", {"reason": "x"}).status_code
        == 404
    )
    item.refresh_from_db()
    assert item.status == GetInvolvedRequest.Status.NEW


def test_az11_anonymous_is_sent_to_sign_in(client):
    response = client.get("/get-involved/requests/")
    assert response.status_code == 302
    assert "/account/sign-in/" in response["Location"]


@pytest.mark.parametrize("size", [2, 20])
def test_queue_query_count_is_fixed(staff_client, django_assert_num_queries, size):
    GetInvolvedRequestFactory.create_batch(size)
    GetInvolvedRequestFactory.create_batch(size, status="declined", decline_reason="Full")
    # session, user, OTP device; open requests; answered requests (with joins)
    with django_assert_num_queries(6):  # + the unread notifications count
        page = staff_client.get("/get-involved/requests/")
    assert page.status_code == 200
    assert f"Waiting ({size})" in page.content.decode()


def test_request_page_wrong_method_is_405(staff_client):
    item = GetInvolvedRequestFactory()
    assert staff_client.get(f"/get-involved/requests/{item.pk}/invite/").status_code == 405


def test_welcome_call_then_invite(staff_client, staff_a):
    item = GetInvolvedRequestFactory(email="rosa@example.org", name="Rosa")
    response = staff_client.post(f"/get-involved/requests/{item.pk}/call/", {"note": "Talked"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.called_by) == (GetInvolvedRequest.Status.CALLED, staff_a)
    staff_client.post(f"/get-involved/requests/{item.pk}/invite/")
    item.refresh_from_db()
    assert item.status == GetInvolvedRequest.Status.INVITED
    assert item.invitation.email == "rosa@example.org"
    assert mail.outbox[-1].to == ["rosa@example.org"]
    # Answered: the actions are gone, and a second answer is refused.
    staff_client.post(f"/get-involved/requests/{item.pk}/decline/", {"reason": "No"})
    item.refresh_from_db()
    assert item.status == GetInvolvedRequest.Status.INVITED


def test_empty_call_note_is_shown_beside_the_field(staff_client):
    item = GetInvolvedRequestFactory()
    response = staff_client.post(f"/get-involved/requests/{item.pk}/call/", {"note": ""})
    assert response.status_code == 200
    assert "Write what you talked about" in response.content.decode()


def test_record_without_email_needs_consent(staff_client, staff_a):
    item = GetInvolvedRequestFactory(contact_method="phone", email="", phone="01632 960 001")
    refused = staff_client.post(
        f"/get-involved/requests/{item.pk}/record/", {"consent_how": "by phone"}
    )
    assert refused.status_code == 200
    assert "only keep a record with their agreement" in refused.content.decode()
    assert not User.objects.filter(email__isnull=True).exists()
    staff_client.post(
        f"/get-involved/requests/{item.pk}/record/", {"consent": "on", "consent_how": "by phone"}
    )
    item.refresh_from_db()
    person = item.person
    assert person.email is None
    assert not person.has_usable_password()
    assert person.profile.staff_contact == staff_a
    assert person.profile.contact_method == "phone"
    assert AssistedEntry.objects.filter(person=person, entered_by=staff_a, how="by phone").exists()


def test_decline_needs_a_reason(staff_client):
    item = GetInvolvedRequestFactory()
    assert (
        staff_client.post(f"/get-involved/requests/{item.pk}/decline/", {"reason": ""}).status_code
        == 200
    )
    staff_client.post(f"/get-involved/requests/{item.pk}/decline/", {"reason": "We are full"})
    item.refresh_from_db()
    assert (item.status, item.decline_reason) == ("declined", "We are full")


def test_staff_make_a_record_for_someone_without_email(staff_client):
    response = staff_client.post(
        "/people/new-without-email/",
        {
            "display_name": "Pat",
            "contact_method": "post",
            "postal_address": "2 Mill Lane",
            "consent": "on",
            "consent_how": "in person",
        },
    )
    person = User.objects.get(display_name="Pat")
    assert response["Location"] == f"/account/people/{person.pk}/"
    assert person.profile.postal_address == "2 Mill Lane"


def test_invalid_phone_is_refused_when_saved(staff_client):
    response = staff_client.post(
        "/people/new-without-email/",
        {
            "display_name": "Pat",
            "contact_method": "text",
            "phone": "12",
            "consent": "on",
            "consent_how": "by phone",
        },
    )
    assert response.status_code == 200
    assert "10 to 13 digits" in response.content.decode()
    assert not User.objects.filter(display_name="Pat").exists()


def test_staff_add_a_person_without_email_to_a_project(staff_client, staff_a):
    from copro.frontdoor import services
    from copro.projects.models import Membership
    from tests.projects.factories import MembershipFactory, ProjectFactory

    project = ProjectFactory()
    MembershipFactory(project=project, user=staff_a, role="lead", kind="qualification")
    pat = services.person_create_without_email(
        display_name="Pat", contact_method="phone", phone="01632 960 001", consent=True, by=staff_a
    )
    page = staff_client.get(f"/projects/{project.pk}/members/").content.decode()
    assert "Or someone without email" in page
    staff_client.post(
        f"/projects/{project.pk}/members/",
        {
            "without_email": pat.pk,
            "kind": "experience",
            "role": "member",
            "joined_on": "2026-12-01",
        },
    )
    assert Membership.objects.filter(project=project, user=pat).exists()
