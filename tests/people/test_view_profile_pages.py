"""Profile, contact and needs, times, groups and other members' profiles."""

import datetime

import pytest

from copro.framework.models import NetworkGroup
from copro.people.models import AccessNeed, AvailableSlot, GroupMembership, Profile, UnavailableDate
from tests.people.factories import UserFactory

PROFILE = {
    "display_name": "Asha R",
    "pronouns": "she/her",
    "takes_part_as": "experience",
    "area_i_work_in": "",
    "bring_tags": ["lived_experience", "networks"],
    "what_i_bring": "I have used day services for ten years.",
    "share_what_i_bring": "on",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/account/profile/",
        "/account/contact-and-needs/",
        "/account/times/",
        "/account/someone-to-help/",
        "/account/your-data/",
        "/account/delete/",
        "/account/groups/",
    ],
)
def test_az11_account_pages_ask_anonymous_people_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/account/sign-in/")


@pytest.mark.django_db
def test_saving_the_profile(client, citizen_a):
    client.force_login(citizen_a)
    assert client.get("/account/profile/").status_code == 200
    response = client.post("/account/profile/", PROFILE)
    assert response.status_code == 302
    profile = Profile.objects.get(user=citizen_a)
    assert profile.bring_tags == ["lived_experience", "networks"]
    citizen_a.refresh_from_db()
    assert citizen_a.display_name == "Asha R"


@pytest.mark.django_db
def test_io9_a_blank_name_is_explained_and_nothing_is_saved(client, citizen_a):
    client.force_login(citizen_a)
    body = client.post("/account/profile/", {**PROFILE, "display_name": "  "}).content.decode()
    assert "Enter the name to show" in body and "There is a problem" in body
    assert not Profile.objects.filter(user=citizen_a, pronouns="she/her").exists()


@pytest.mark.django_db
def test_others_see_only_what_the_person_shares(client, citizen_a, citizen_b):
    client.force_login(citizen_a)
    client.post("/account/profile/", {**PROFILE, "share_what_i_bring": ""})
    client.post(
        "/account/contact-and-needs/",
        {"contact_method": "phone", "phone": "07700900123", "needs": ["hearing_loop"]},
    )
    client.force_login(citizen_b)
    body = client.get(f"/account/people/{citizen_a.pk}/").content.decode()
    assert "Asha R" in body
    assert "day services" not in body and "07700900123" not in body
    assert "hearing loop" not in body.lower()
    assert "she/her" not in body  # pronouns not shared by default in this post


@pytest.mark.django_db
def test_an_unknown_or_erased_person_is_404(client, citizen_a):
    client.force_login(citizen_a)
    assert client.get("/account/people/99999/").status_code == 404
    gone = UserFactory(is_active=False)
    assert client.get(f"/account/people/{gone.pk}/").status_code == 404


@pytest.mark.django_db
def test_contact_by_phone_needs_a_number(client, citizen_a):
    client.force_login(citizen_a)
    body = client.post("/account/contact-and-needs/", {"contact_method": "text"}).content.decode()
    assert "Enter a phone number, so we can call or text you" in body


@pytest.mark.django_db
def test_access_needs_are_stored_as_rows_and_replaced(client, citizen_a):
    client.force_login(citizen_a)
    client.post(
        "/account/contact-and-needs/",
        {"contact_method": "email", "needs": ["step_free", "hearing_loop"]},
    )
    client.post("/account/contact-and-needs/", {"contact_method": "email", "needs": ["step_free"]})
    assert list(AccessNeed.objects.filter(user=citizen_a).values_list("need", flat=True)) == [
        "step_free"
    ]


@pytest.mark.django_db
def test_az3_a_need_that_is_not_on_the_list_is_refused(client, citizen_a):
    client.force_login(citizen_a)
    body = client.post(
        "/account/contact-and-needs/", {"contact_method": "email", "needs": ["teleport"]}
    ).content.decode()
    assert "There is a problem" in body
    assert not AccessNeed.objects.exists()


@pytest.mark.django_db
def test_the_weekly_grid_and_dates(client, citizen_a):
    client.force_login(citizen_a)
    page = client.get("/account/times/").content.decode()
    assert page.count('type="checkbox"') == 21
    client.post("/account/times/", {"slot_0_morning": "on", "slot_4_evening": "on"})
    assert set(
        AvailableSlot.objects.filter(user=citizen_a).values_list("weekday", "part_of_day")
    ) == {(0, "morning"), (4, "evening")}
    future = datetime.date.today() + datetime.timedelta(days=10)
    client.post("/account/times/dates/", {"date": future.isoformat()})
    assert UnavailableDate.objects.filter(user=citizen_a, date=future).exists()
    past = datetime.date.today() - datetime.timedelta(days=1)
    body = client.post("/account/times/dates/", {"date": past.isoformat()}).content.decode()
    assert "The date must be today or in the future" in body


@pytest.mark.django_db
def test_removing_someone_elses_date_changes_nothing(client, citizen_a, citizen_b):
    theirs = UnavailableDate.objects.create(user=citizen_b, date="2031-05-05")
    client.force_login(citizen_a)
    client.post(f"/account/times/dates/{theirs.pk}/remove/")
    assert UnavailableDate.objects.filter(pk=theirs.pk).exists()


@pytest.mark.django_db
def test_groups_list_members_with_a_bounded_query_count(
    client, citizen_a, django_assert_max_num_queries
):
    group = NetworkGroup.objects.create(
        slug="test-board", name="Test board", order=99, description="A group for tests."
    )
    for n in range(12):
        member = UserFactory(display_name=f"Member {n}")
        Profile.objects.create(user=member, bring_tags=["time"])
        GroupMembership.objects.create(group=group, user=member, joined_on="2026-01-01")
    client.force_login(citizen_a)
    # session, user, the group, the members with their profiles in one join.
    with django_assert_max_num_queries(5):
        body = client.get("/account/groups/test-board/").content.decode()
    assert body.count("Member ") == 12
    assert client.get("/account/groups/no-such-group/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/account/profile/", "/account/times/", "/account/your-data/"])
def test_pages_refuse_other_methods(client, citizen_a, path):
    client.force_login(citizen_a)
    assert client.put(path).status_code == 405
