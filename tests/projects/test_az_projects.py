"""AZ-1, AZ-2, AZ-3, AZ-11, AZ-13 for project pages."""

import pytest

from copro.projects.models import Contribution, Position
from tests.projects.world import make_world


@pytest.fixture
def world(db):
    return make_world()


def paths(project, decision, contribution=None):
    p, d = project.pk, decision.pk
    result = [
        f"/projects/{p}/",
        f"/projects/{p}/members/",
        f"/projects/{p}/you-said-we-did/",
        f"/projects/{p}/actions/",
        f"/projects/{p}/decisions/{d}/",
    ]
    if contribution:
        result.append(f"/projects/{p}/you-said-we-did/{contribution.pk}/answer/")
    return result


@pytest.mark.django_db
def test_az1_an_outsider_gets_404_on_a_members_only_project_with_nothing_leaked(client, world):
    client.force_login(world.outsider)
    for path in paths(world.project_a, world.decision_a):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"Project A" not in response.content and b"Decide A" not in response.content
    missing = client.get("/projects/999999/")
    assert missing.status_code == 404


@pytest.mark.django_db
def test_az1_members_of_b_cannot_see_a(client, world):
    client.force_login(world.citizen_b)
    for path in paths(world.project_a, world.decision_a):
        assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_az1_the_project_list_shows_only_visible_projects(client, world):
    client.force_login(world.citizen_a)
    body = client.get("/projects/").content.decode()
    assert "Project A" in body and "Project B" not in body


@pytest.mark.django_db
def test_az2_a_child_of_b_under_the_id_of_a_is_404(client, world):
    client.force_login(world.lead_a)
    p = world.project_a.pk
    assert client.get(f"/projects/{p}/decisions/{world.decision_b.pk}/").status_code == 404
    response = client.post(
        f"/projects/{p}/decisions/{world.decision_b.pk}/close/",
        {"outcome": "x", "decided_on": "2026-11-02"},
    )
    assert response.status_code == 404
    world.decision_b.refresh_from_db()
    assert world.decision_b.status == "open"


@pytest.mark.django_db
def test_az3_entering_a_view_for_a_member_of_another_project_is_refused(client, world):
    client.force_login(world.lead_a)
    member_b = world.citizen_b.project_memberships.get()
    url = f"/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/for-someone/"
    body = client.post(
        url, {"member": member_b.pk, "how": "by phone", "behalf-stance": "agree"}
    ).content.decode()
    assert "Choose a member of this project" in body
    assert not Position.objects.exists()


@pytest.mark.django_db
def test_az5_a_member_who_does_not_run_the_project_cannot_manage_it(client, world):
    client.force_login(world.citizen_a)
    p = world.project_a.pk
    for path in [f"/projects/{p}/edit/", f"/projects/{p}/stage/", f"/projects/{p}/decisions/new/"]:
        assert client.get(path).status_code == 404
    assert (
        client.post(f"/projects/{p}/members/", {"email": world.outsider.email}).status_code == 404
    )


@pytest.mark.django_db
def test_az11_anonymous_people_are_asked_to_sign_in_or_see_only_published(client, world):
    assert client.get(f"/projects/{world.project_a.pk}/").status_code == 404
    response = client.get(f"/projects/{world.project_a.pk}/members/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
    world.project_a.visibility = "public"
    world.project_a.save()
    Contribution.objects.create(
        project=world.project_a,
        raised_by=world.citizen_a,
        kind="idea",
        text="Longer opening hours",
        stage="idea",
        member_kind="experience",
    )
    public = client.get(f"/projects/{world.project_a.pk}/you-said-we-did/").content.decode()
    assert "Longer opening hours" in public
    assert "Asha" not in public  # names are left out on the public page
    assert (
        client.post(
            f"/projects/{world.project_a.pk}/you-said-we-did/", {"kind": "idea", "text": "x"}
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_az13_removing_a_member_takes_effect_on_the_next_request(client, world):
    client.force_login(world.citizen_a)
    assert client.get(f"/projects/{world.project_a.pk}/").status_code == 200
    membership = world.citizen_a.project_memberships.get()
    lead = type(client)()
    lead.force_login(world.lead_a)
    lead.post(f"/projects/{world.project_a.pk}/members/{membership.pk}/leave/")
    assert client.get(f"/projects/{world.project_a.pk}/").status_code == 404
