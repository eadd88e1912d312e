"""Who may see which report (AZ-1, AZ-7, AZ-11): the project report, its PDF and CSV, and the
organisation dashboard, for each persona."""

import pytest
from django.urls import reverse

from tests.reports.conftest import sign_in

pytestmark = pytest.mark.django_db

PROJECT_ROUTES = ("reports:project", "reports:project_pdf", "reports:project_csv")


def _get(client, cast, persona, name, project):
    if persona != "anonymous":
        sign_in(client, getattr(cast, persona))
    return client.get(reverse(name, args=[project.pk]))


@pytest.mark.parametrize("name", PROJECT_ROUTES)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("member", 200),
        ("administrator", 200),
        ("outsider", 404),
        ("staff", 404),  # staff see a members-only project only if they are in it
        ("board_member", 404),
    ],
)
def test_az1_unpublished_project_report_only_for_members(client, cast, persona, status, name):
    assert _get(client, cast, persona, name, cast.private).status_code == status


@pytest.mark.parametrize("name", PROJECT_ROUTES)
def test_az11_anonymous_asked_to_sign_in_for_unpublished_report(client, cast, name):
    response = client.get(reverse(name, args=[cast.private.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")


@pytest.mark.parametrize("name", PROJECT_ROUTES)
def test_az11_anonymous_gets_the_same_answer_for_a_missing_project(client, cast, name):
    response = client.get(reverse(name, args=[cast.private.pk + 1000]))
    assert response.status_code == 302


@pytest.mark.parametrize("name", PROJECT_ROUTES)
@pytest.mark.parametrize("persona", ["anonymous", "outsider", "member", "staff"])
def test_published_project_report_for_everyone(client, cast, persona, name):
    assert _get(client, cast, persona, name, cast.published).status_code == 200


def test_missing_project_is_404_to_someone_signed_in(client, cast):
    sign_in(client, cast.administrator)
    response = client.get(reverse("reports:project", args=[cast.private.pk + 1000]))
    assert response.status_code == 404


def test_someone_who_left_the_project_gets_404(client, cast):
    from django.utils import timezone

    from copro.projects.models import Membership

    sign_in(client, cast.member)
    assert client.get(reverse("reports:project", args=[cast.private.pk])).status_code == 200
    Membership.objects.filter(user=cast.member).update(left_on=timezone.localdate())
    assert client.get(reverse("reports:project", args=[cast.private.pk])).status_code == 404


@pytest.mark.parametrize("name", PROJECT_ROUTES)
def test_wrong_method_is_405(client, cast, name):
    sign_in(client, cast.member)
    assert client.post(reverse(name, args=[cast.private.pk])).status_code == 405


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("member", 404),
        ("outsider", 404),
        ("staff", 200),
        ("administrator", 200),
        ("board_member", 200),
    ],
)
def test_dashboard_for_staff_administrators_and_the_board(client, cast, persona, status):
    sign_in(client, getattr(cast, persona))
    assert client.get(reverse("reports:dashboard")).status_code == status


def test_dashboard_asks_anonymous_to_sign_in(client, cast):
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")


def test_dashboard_wrong_method_is_405(client, cast):
    sign_in(client, cast.staff)
    assert client.post(reverse("reports:dashboard")).status_code == 405


def test_az7_dashboard_names_only_projects_the_viewer_may_see(client, cast, monkeypatch):
    """Both projects show a sign of faux-production; staff who are not members of the private
    one see it counted but not named."""
    from copro.projects.models import Placement

    Placement.objects.update(warnings=[{"key": "late", "title": "Joined late", "message": "m"}])
    sign_in(client, cast.staff)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert cast.published.title in page
    assert cast.private.title not in page
    assert "1 more project showing signs is open only to its members" in page
    sign_in(client, cast.administrator)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert cast.private.title in page
