"""Starting a project, members, decisions and votes, you said we did, actions."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from copro.projects import services
from copro.projects.models import Contribution, Decision, Membership, Position, Project
from tests.people.factories import UserFactory
from tests.projects.world import TODAY, make_world


@pytest.fixture
def world(db):
    return make_world()


@pytest.mark.django_db
def test_citizens_cannot_start_projects_unless_the_council_allows(client, citizen_a, settings):
    client.force_login(citizen_a)
    assert client.get("/projects/start/").status_code == 403
    settings.CITIZENS_CAN_START_PROJECTS = True
    response = client.post(
        "/projects/start/", {"title": "Better buses", "summary": "Buses.", "visibility": "members"}
    )
    assert response.status_code == 302
    project = Project.objects.get()
    lead = project.memberships.get()
    assert lead.user == citizen_a and lead.kind == "experience" and lead.role == "lead"
    assert project.stage_changes.get().stage == "idea"


@pytest.mark.django_db
def test_io9_starting_a_project_with_nothing_is_explained(client, citizen_a, settings):
    settings.CITIZENS_CAN_START_PROJECTS = True
    client.force_login(citizen_a)
    body = client.post("/projects/start/", {}).content.decode()
    assert "Enter the name of the project" in body and "Say what the project is about" in body
    assert not Project.objects.exists()


@pytest.mark.django_db
def test_adding_and_removing_members(client, world):
    client.force_login(world.lead_a)
    url = f"/projects/{world.project_a.pk}/members/"
    response = client.post(
        url,
        {
            "email": world.outsider.email,
            "kind": "experience",
            "role": "member",
            "joined_on": "2026-11-05",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.filter(project=world.project_a, user=world.outsider).exists()
    again = client.post(
        url,
        {
            "email": world.outsider.email,
            "kind": "experience",
            "role": "member",
            "joined_on": "2026-11-05",
        },
    ).content.decode()
    assert "is already a member" in again
    unknown = client.post(
        url,
        {
            "email": "nobody@example.org",
            "kind": "experience",
            "role": "member",
            "joined_on": "2026-11-05",
        },
    ).content.decode()
    assert "Invite them to join first" in unknown


@pytest.mark.django_db
def test_a_member_gives_a_view_and_can_change_it(client, world):
    client.force_login(world.citizen_a)
    url = f"/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/"
    assert client.post(url, {"stance": "agree"}).status_code == 302
    assert client.post(url, {"stance": "object", "reason": "It costs too much"}).status_code == 302
    position = Position.objects.get()
    assert position.stance == "object" and position.kind == "experience"
    body = client.post(url, {"stance": "object"}).content.decode()
    assert "Give the reason for your objection" in body


@pytest.mark.django_db
def test_staff_enter_a_view_given_by_phone_and_it_is_marked(client, world):
    client.force_login(world.lead_a)
    member = world.citizen_a.project_memberships.get()
    url = f"/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/for-someone/"
    assert (
        client.post(
            url, {"member": member.pk, "how": "by phone", "behalf-stance": "agree"}
        ).status_code
        == 302
    )
    position = Position.objects.get()
    assert position.user == world.citizen_a and position.recorded_by == world.lead_a
    page = client.get(f"/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/")
    assert "Entered by Lena (runs A), given by phone" in page.content.decode()


@pytest.mark.django_db
def test_az12_no_views_after_the_decision_is_made(client, world):
    client.force_login(world.lead_a)
    base = f"/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/"
    client.post(base + "close/", {"outcome": "Agreed", "decided_on": "2026-11-10"})
    client.force_login(world.citizen_a)
    body = client.post(base, {"stance": "agree"}).content.decode()
    assert "views can no longer be added" in body
    assert not Position.objects.exists()
    page = client.get(base).content.decode()
    assert "without any expert by experience taking part" in page


@pytest.mark.django_db
def test_a_majority_vote_needs_options_and_counts_them(client, world):
    decision = services.decision_propose(
        project=world.project_a,
        title="Which day?",
        proposal="Pick a day",
        method="majority",
        options=["Monday", "Thursday"],
        review_on=None,
        by=world.lead_a,
    )
    client.force_login(world.citizen_a)
    option = decision.options.get(text="Thursday")
    url = f"/projects/{world.project_a.pk}/decisions/{decision.pk}/"
    assert client.post(url, {"option": option.pk}).status_code == 302
    assert "Thursday: 1 vote" in client.get(url).content.decode()
    with pytest.raises(Exception, match="at least two options"):
        services.decision_propose(
            project=world.project_a,
            title="x",
            proposal="x",
            method="majority",
            options=["Only one"],
            review_on=None,
            by=world.lead_a,
        )


@pytest.mark.django_db
def test_you_said_we_did_and_the_raiser_is_told(client, world):
    client.force_login(world.citizen_a)
    url = f"/projects/{world.project_a.pk}/you-said-we-did/"
    client.post(url, {"kind": "idea", "text": "Meet in the evenings too"})
    contribution = Contribution.objects.get()
    assert contribution.member_kind == "experience" and contribution.status == "waiting"
    client.force_login(world.lead_a)
    answer = f"{url}{contribution.pk}/answer/"
    body = client.post(answer, {"status": "not_adopted", "response": ""}).content.decode()
    assert "Give the reason, so the person knows why" in body
    with django_capture_on_commit():
        client.post(
            answer,
            {
                "status": "adopted",
                "response": "We now meet on Tuesday evenings",
                "decisions": [world.decision_a.pk],
            },
        )
    contribution.refresh_from_db()
    assert contribution.status == "adopted" and contribution.responded_by == world.lead_a
    assert list(contribution.decisions.all()) == [world.decision_a]
    assert len(mail.outbox) == 1 and world.citizen_a.email in mail.outbox[0].to
    assert "Tuesday evenings" in mail.outbox[0].body


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.mark.django_db
def test_stages_only_move_forward(world):
    services.project_stage_change(
        project=world.project_a, stage="design", on=timezone.localdate(), by=world.lead_a
    )
    with pytest.raises(Exception, match="cannot go back"):
        services.project_stage_change(
            project=world.project_a, stage="idea", on=timezone.localdate(), by=world.lead_a
        )


@pytest.mark.django_db
def test_project_page_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    def page_queries():
        client.force_login(world.lead_a)
        with django_assert_max_num_queries(40) as captured:
            assert client.get(f"/projects/{world.project_a.pk}/").status_code == 200
        return len(captured)

    small = page_queries()
    for n in range(15):
        person = UserFactory()
        member = services.member_add(
            project=world.project_a,
            user=person,
            kind="experience",
            role="member",
            joined_on=TODAY,
            by=world.lead_a,
        )
        decision = services.decision_propose(
            project=world.project_a,
            title=f"D{n}",
            proposal="P",
            method="consent",
            options=[],
            review_on=None,
            by=world.lead_a,
        )
        services.position_record(decision=decision, member=member, by=person, stance="agree")
        services.contribution_raise(
            project=world.project_a, member=member, kind="idea", text=f"Idea {n}", by=person
        )
    assert page_queries() == small


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_conc2_one_person_one_voice_under_concurrent_submits():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the concurrent case runs on PostgreSQL")
    world = make_world()
    member = world.citizen_a.project_memberships.get()
    errors = []

    def vote(stance):
        try:
            services.position_record(
                decision=world.decision_a, member=member, by=world.citizen_a, stance=stance
            )
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=vote, args=("agree",)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Position.objects.filter(decision=world.decision_a, user=world.citizen_a).count() == 1
    assert Decision.objects.get(pk=world.decision_a.pk).status == "open"


@pytest.mark.django_db
def test_date_fields_are_filled_in_a_form_browsers_understand(client, world):
    client.force_login(world.lead_a)
    body = client.get(f"/projects/{world.project_a.pk}/members/").content.decode()
    assert f'type="date" name="joined_on" value="{timezone.localdate().isoformat()}"' in body
