"""The rules in the open (issue 15): a public page that explains the method in plain English,
a rules version on every stored placement, and placing every project again when the rules
change, with the trend marking the change."""

import re

import pytest
from django.core.management import call_command

from copro.plainenglish.analyser import analyse
from copro.projects.evidence import rules
from copro.projects.evidence.placement import placement_refresh, placement_trend
from copro.projects.evidence.replacing import projects_replace, replace_projects_task
from copro.projects.models import Placement
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)))
URL = "/projects/how-the-step-is-worked-out/"


def method_text(body: str) -> str:
    block = body.split("data-plain-english>", 1)[1].split("</div>", 1)[0]
    text = re.sub(r"<[^>]+>", " ", block)
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.django_db
def test_evd_method_page_is_public_plain_english_and_names_the_rules_version(
    client, django_assert_num_queries
):
    # No queries: the thresholds come from settings and the page has no project.
    with django_assert_num_queries(0):
        response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"They are version {rules.RULES_VERSION}." in body
    assert "Paying back bus fares is not enough." in body
    assert "at least 75% of the decisions" in body  # from the thresholds, not typed twice
    ease = analyse(method_text(body)).readability.flesch_reading_ease
    assert ease >= 60, ease


@pytest.mark.django_db
def test_evd_method_page_is_read_only(client):
    assert client.post(URL).status_code == 405


@pytest.mark.django_db
def test_evd_each_placement_records_the_rules_version_that_made_it():
    project = project_with_history(stages=STAGES, decisions=(("design", True),))
    placement = placement_refresh(project=project)
    assert placement.rules_version == rules.RULES_VERSION


@pytest.mark.django_db
def test_evd_changing_the_rules_places_every_project_again_and_the_trend_marks_it(
    monkeypatch,
):
    projects = [
        project_with_history(stages=STAGES, decisions=(("design", True),) * 3) for _ in range(2)
    ]
    for project in projects:
        placement_refresh(project=project)
    assert projects_replace() == (0, 0)  # nothing to do under the same rules
    monkeypatch.setattr(rules, "RULES_VERSION", "3")
    monkeypatch.setattr("copro.projects.evidence.placement.RULES_VERSION", "3")
    monkeypatch.setattr("copro.projects.evidence.replacing.RULES_VERSION", "3")
    assert projects_replace() == (2, 2)
    assert projects_replace() == (0, 0)  # and again: nothing new
    trend = placement_trend(project=projects[0])
    assert [p.rules_version for p in trend] == ["2", "3"]
    assert [p.rules_changed for p in trend] == [False, True]
    assert trend[0].step_id == trend[1].step_id  # the same step, marked as a rules change


@pytest.mark.django_db
def test_evd_replace_projects_command_and_task(capsys):
    project = project_with_history(stages=STAGES, decisions=(("design", True),) * 3)
    Placement.objects.filter(project=project).update(rules_version="1")
    call_command("replace_projects")
    assert "1 project placed again, 1 new placement stored." in capsys.readouterr().out
    assert replace_projects_task.call(everything=True) == {
        "rules_version": rules.RULES_VERSION,
        "checked": 1,
        "stored": 0,
    }
