"""Issue 17: the bugs and wording people met on project pages, each pinned by a test that fails
without its fix."""

import datetime

import pytest

from copro.projects import services
from copro.projects.evidence.signals import record_read, signals_for
from copro.projects.models import Project
from tests.projects.factories import ContributionFactory, MembershipFactory, ProjectFactory
from tests.projects.world import make_world


@pytest.fixture
def world(db):
    return make_world()


def _signal(project, key):
    return {s.key: s for s in signals_for(record_read(project=project))}[key]


@pytest.mark.django_db
def test_an_idea_nobody_entered_can_be_answered(world):
    """Demo ideas and ideas whose typist has left have no `entered_by`: answering must work."""
    idea = ContributionFactory(project=world.project_a, raised_by=world.citizen_a, entered_by=None)
    services.contribution_respond(
        contribution=idea, status="adopted", response="We did it.", by=world.lead_a
    )
    idea.refresh_from_db()
    assert idea.status == "adopted" and idea.entered_by is None


@pytest.mark.django_db
def test_answer_link_names_the_idea_in_plain_words(client, world):
    ContributionFactory(project=world.project_a, raised_by=world.citizen_a, kind="idea")
    client.force_login(world.lead_a)
    body = client.get(f"/projects/{world.project_a.pk}/you-said-we-did/").content.decode()
    assert "the idea raised on" in body
    assert "the an idea" not in body


@pytest.mark.django_db
def test_one_person_is_an_expert_by_experience_not_are():
    project = ProjectFactory()
    member = MembershipFactory(project=project)
    ContributionFactory.for_member(member)
    reason = _signal(project, "balance").reason
    assert reason == "1 of the 1 person who voted or raised something is an expert by experience."


@pytest.mark.django_db
def test_answers_within_hours_do_not_say_within_0_days():
    project = ProjectFactory()
    member = MembershipFactory(project=project)
    idea = ContributionFactory.for_member(member, status="adopted")
    idea.responded_at = idea.raised_at + datetime.timedelta(hours=2)
    idea.save()
    signal = _signal(project, "response_days")
    assert "0 days" not in signal.reason and "0.1 days" not in signal.display
    assert "within a day" in signal.reason and signal.display == "Less than a day (the median)"


@pytest.mark.django_db
def test_who_can_see_a_published_project_is_one_plain_sentence(client, world):
    Project.objects.filter(pk=world.project_a.pk).update(visibility="public")
    body = client.get(f"/projects/{world.project_a.pk}/").content.decode()
    assert "Who can see it: anyone, without signing in" in body
    assert "Published:" not in body
