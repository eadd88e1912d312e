"""Issue 17: a published project, read without signing in, shows its members as counts by kind
(not a link that asks the public to sign in) and links to its report and "you said, we did"."""

import pytest

from copro.projects.models import Project
from tests.projects.factories import MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_az11_public_project_shows_member_counts_and_its_report(client):
    project = ProjectFactory(visibility=Project.Visibility.PUBLIC)
    for _ in range(3):
        MembershipFactory(project=project)
    MembershipFactory(project=project, kind="qualification", role="lead")
    MembershipFactory(project=project, left_on="2026-02-01")  # has left: not counted
    body = client.get(f"/projects/{project.pk}/").content.decode()
    assert "Members: 3 experts by experience and 1 expert by qualification" in body
    assert f'href="/projects/{project.pk}/members/"' not in body
    assert f'href="/reports/projects/{project.pk}/"' in body
    assert f'href="/projects/{project.pk}/you-said-we-did/"' in body
    assert client.get(f"/reports/projects/{project.pk}/").status_code == 200


def test_signed_in_people_still_see_the_members_link(client):
    project = ProjectFactory(visibility=Project.Visibility.PUBLIC)
    member = MembershipFactory(project=project)
    client.force_login(member.user)
    body = client.get(f"/projects/{project.pk}/").content.decode()
    assert f'href="/projects/{project.pk}/members/"' in body
