"""Advice from the Advisory Board (issue 5): a project asks, board members answer, the exchange
stays on the project; everyone else gets 404 (AZ-1, AZ-2)."""

import datetime

import pytest
from django.core import mail

from copro.framework.models import NetworkGroup
from copro.people.models import GroupMembership
from copro.projects.models import AdviceAnswer, AdviceRequest
from tests.people.factories import UserFactory
from tests.projects.world import make_world


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def board_member(db):
    member = UserFactory(display_name="Bea (board)", email="bea@example.org")
    group = NetworkGroup.objects.get(slug="advisory-board")
    GroupMembership.objects.create(group=group, user=member, joined_on=datetime.date(2026, 1, 1))
    return member


def ask(client, world, text="How do we pay people on benefits fairly?"):
    client.force_login(world.citizen_a)
    return client.post(f"/projects/{world.project_a.pk}/advice/", {"question": text})


def test_a_member_asks_the_board_and_board_members_are_told(
    client, world, board_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, world)
    assert response.status_code == 302
    advice = AdviceRequest.objects.get()
    assert advice.project == world.project_a and advice.asked_by == world.citizen_a
    assert [m.to for m in mail.outbox] == [["bea@example.org"]]
    assert f"/projects/advisory-board/{advice.pk}/" in mail.outbox[0].body


def test_an_empty_question_is_explained_and_nothing_is_saved(client, world):
    response = ask(client, world, text="   ")
    assert response.status_code == 200
    assert "Write your question" in response.content.decode()
    assert not AdviceRequest.objects.exists()


def test_a_board_member_answers_and_the_answer_shows_on_the_project(
    client, world, board_member, django_capture_on_commit_callbacks
):
    ask(client, world)
    advice = AdviceRequest.objects.get()
    client.force_login(board_member)
    listing = client.get("/projects/advisory-board/").content.decode()
    assert "Project A" in listing and "Waiting for an answer" in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/projects/advisory-board/{advice.pk}/",
            {"text": "Ask them first, and offer a choice."},
        )
    assert response.status_code == 302
    assert AdviceAnswer.objects.get().answered_by == board_member
    assert mail.outbox[-1].to == [world.citizen_a.email]
    client.force_login(world.citizen_a)
    page = client.get(f"/projects/{world.project_a.pk}/advice/").content.decode()
    assert "Ask them first, and offer a choice." in page and "Bea (board)" in page


def test_az1_only_board_members_see_the_questions_and_only_members_ask(client, world, board_member):
    ask(client, world)
    advice = AdviceRequest.objects.get()
    for person in [world.citizen_b, world.outsider, world.citizen_a]:
        client.force_login(person)
        assert client.get("/projects/advisory-board/").status_code == 404
        assert client.get(f"/projects/advisory-board/{advice.pk}/").status_code == 404
        assert (
            client.post(f"/projects/advisory-board/{advice.pk}/", {"text": "x"}).status_code == 404
        )
    assert not AdviceAnswer.objects.exists()
    # Someone who cannot see project A gets 404 for its advice page, like a missing project.
    client.force_login(world.citizen_b)
    assert client.get(f"/projects/{world.project_a.pk}/advice/").status_code == 404
    assert (
        client.post(f"/projects/{world.project_a.pk}/advice/", {"question": "x"}).status_code == 404
    )
    # A board member who is not in the project sees the question only through the board pages.
    client.force_login(board_member)
    assert client.get(f"/projects/{world.project_a.pk}/advice/").status_code == 404
    assert client.get("/projects/advisory-board/999999/").status_code == 404
    assert AdviceRequest.objects.count() == 1


@pytest.mark.django_db
def test_az11_anonymous_people_are_sent_to_sign_in(client):
    for path in ["/projects/advisory-board/", "/projects/advisory-board/1/", "/projects/1/advice/"]:
        assert client.get(path)["Location"].startswith("/account/sign-in/")


def test_the_board_page_makes_a_fixed_number_of_queries(
    client, world, board_member, django_assert_max_num_queries
):
    for n in range(15):
        advice = AdviceRequest.objects.create(project=world.project_a, question=f"Q{n}")
        AdviceAnswer.objects.create(request=advice, answered_by=board_member, text="A")
    client.force_login(board_member)
    with django_assert_max_num_queries(12):
        assert client.get("/projects/advisory-board/").status_code == 200
    client.force_login(world.citizen_a)
    with django_assert_max_num_queries(16):
        assert client.get(f"/projects/{world.project_a.pk}/advice/").status_code == 200
