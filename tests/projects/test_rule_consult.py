"""Rule: consult - experts by experience gave views but could not change the outcome."""

import pytest

from copro.projects.evidence.placement import project_evidence
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 1, 12)), ("design", D(2026, 2, 9)), ("delivery", D(2026, 6, 1)))


@pytest.mark.django_db
def test_rule_consult_views_answered_but_little_adopted_and_decisions_not_shared():
    project = project_with_history(
        stages=STAGES,
        experts=2,
        experts_join=D(2026, 5, 4),
        decisions=(("design", False), ("delivery", False)),
        ideas=(("delivery", "not_adopted"), ("delivery", "not_adopted")),
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "consult"
    assert "little of what they said changed what was done" in evidence.rule.reason
    assert evidence.step_up.rule == "engage"


@pytest.mark.django_db
def test_rule_consult_views_gathered_but_left_without_an_answer():
    project = project_with_history(
        stages=STAGES, ideas=(("design", "waiting"), ("design", "waiting"))
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "consult"
    assert "many have had no answer" in evidence.rule.reason


@pytest.mark.django_db
def test_rule_consult_a_vote_on_an_open_decision_is_a_view_gathered():
    from copro.projects.models import Membership
    from tests.projects.factories import DecisionFactory, PositionFactory

    project = project_with_history(stages=STAGES)
    citizen = project.memberships.filter(kind=Membership.Kind.EXPERIENCE).first()
    PositionFactory.for_member(DecisionFactory(project=project, stage="design"), citizen)
    assert project_evidence(project=project).step.slug == "consult"
