"""placement_refresh stores a placement only when the step or the warnings change, and the
nightly command is safe to run again."""

import pytest
from django.core.management import call_command

from copro.projects.evidence.placement import placement_refresh, placement_trend
from copro.projects.models import Membership, Placement
from tests.projects.factories import (
    ContributionFactory,
    D,
    DecisionFactory,
    PositionFactory,
    project_with_history,
)

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)))


@pytest.mark.django_db
def test_the_first_refresh_stores_and_a_second_with_nothing_new_does_not():
    project = project_with_history(stages=STAGES, decisions=(("design", False),))
    first = placement_refresh(project=project)
    assert first is not None and first.step.slug == "inform"
    assert {w["key"] for w in first.warnings} == {"decision_without_experience"}
    assert {s["key"] for s in first.signals} >= {"involved_from_start", "access"}
    assert placement_refresh(project=project) is None
    assert Placement.objects.filter(project=project).count() == 1


@pytest.mark.django_db
def test_a_new_step_is_stored():
    project = project_with_history(stages=STAGES)
    placement_refresh(project=project)
    citizen = project.memberships.filter(kind=Membership.Kind.EXPERIENCE).first()
    ContributionFactory.for_member(citizen, stage="design", status="not_adopted")
    changed = placement_refresh(project=project)
    assert changed is not None and changed.step.slug == "consult"
    assert [p.step.slug for p in placement_trend(project=project)] == ["inform", "consult"]


@pytest.mark.django_db
def test_a_new_warning_on_the_same_step_is_stored():
    project = project_with_history(stages=STAGES)
    before = placement_refresh(project=project)
    DecisionFactory(project=project, decided=True, stage="design")  # nobody by experience
    after = placement_refresh(project=project)
    assert after is not None and after.step_id == before.step_id
    assert [w["key"] for w in after.warnings] == ["decision_without_experience"]


@pytest.mark.django_db
def test_changed_numbers_alone_are_noise_and_not_stored():
    project = project_with_history(
        stages=STAGES, decisions=(("design", True),), ideas=(("design", "adopted"),)
    )
    placement_refresh(project=project)
    citizen = project.memberships.filter(kind=Membership.Kind.EXPERIENCE).first()
    lead = project.memberships.get(kind=Membership.Kind.QUALIFICATION)
    decision = DecisionFactory(project=project, decided=True, stage="design")
    PositionFactory.for_member(decision, citizen)
    PositionFactory.for_member(decision, lead)
    assert placement_refresh(project=project) is None


@pytest.mark.django_db
def test_the_nightly_command_is_idempotent(capsys):
    one = project_with_history(stages=STAGES)
    two = project_with_history(stages=STAGES, experts=0)
    call_command("placements_refresh")
    assert "Placements checked for 2 projects: 2 changed, 0 unchanged." in capsys.readouterr().out
    call_command("placements_refresh")
    assert "2 projects: 0 changed, 2 unchanged." in capsys.readouterr().out
    call_command("placements_refresh", "--project", str(one.pk))
    assert "1 project: 0 changed" in capsys.readouterr().out
    assert Placement.objects.filter(project__in=[one, two]).count() == 2
