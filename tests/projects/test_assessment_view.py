"""The self-assessment page: members only (AZ-1, AZ-11), the form (IO-9), extra keys ignored
(AZ-4), and the wrong method (405)."""

import pytest

from copro.projects.assessment import QUESTIONS
from copro.projects.models import SelfAssessment
from tests.people.factories import UserFactory
from tests.projects.factories import D, MembershipFactory, ProjectFactory

TOP = {q.key: q.options[0].key for q in QUESTIONS}


@pytest.fixture
def project(db):
    return ProjectFactory(stages=[("idea", D(2026, 1, 5))])


@pytest.fixture
def member(project):
    return MembershipFactory(project=project)


def url(project) -> str:
    return f"/projects/{project.pk}/self-assessment/"


@pytest.mark.django_db
def test_az1_people_who_are_not_members_get_404(client, project):
    left = MembershipFactory(project=project, left_on=D(2026, 2, 1))
    project.visibility = "signed_in"  # visible, but answering is for members
    project.save()
    for user in (UserFactory(), MembershipFactory().user, left.user):
        client.force_login(user)
        assert client.get(url(project)).status_code == 404
        assert client.post(url(project), TOP).status_code == 404
    assert client.get("/projects/999999/self-assessment/").status_code == 404
    assert not SelfAssessment.objects.exists()


@pytest.mark.django_db
def test_az11_anonymous_people_are_asked_to_sign_in(client, project):
    response = client.get(url(project))
    assert response.status_code == 302 and response["Location"].startswith("/account/sign-in/")


@pytest.mark.django_db
def test_a_member_sees_the_questions(client, project, member):
    client.force_login(member.user)
    body = client.get(url(project)).content.decode()
    for question in QUESTIONS:
        assert question.text in body
    assert '<form method="post" novalidate>' in body


@pytest.mark.django_db
def test_answering_saves_and_goes_to_the_evidence(client, project, member):
    client.force_login(member.user)
    response = client.post(url(project), {**TOP, "step": "1", "user": "999", "kind": "x"})
    assert response.status_code == 302
    assert response["Location"] == f"/projects/{project.pk}/evidence/"
    saved = SelfAssessment.objects.get()
    assert (saved.user, saved.kind, saved.step.order) == (member.user, "experience", 7)
    again = client.get(url(project)).content.decode()
    assert "Your last answer" in again and "step 7: Co-produce" in again
    assert 'value="at_the_start" checked' in again


@pytest.mark.django_db
def test_io9_missing_answers_are_explained_and_nothing_is_saved(client, project, member):
    client.force_login(member.user)
    response = client.post(url(project), {"first_involved": "made_up"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "<title>Error:" in body
    for question in QUESTIONS:
        assert f"Choose an answer to “{question.text}”" in body
    assert not SelfAssessment.objects.exists()


@pytest.mark.django_db
def test_wrong_method_is_405(client, project, member):
    client.force_login(member.user)
    assert client.put(url(project)).status_code == 405
