"""Rule: co-design - at least half the decisions shared, but not as equals from start to end."""

import pytest

from copro.projects.evidence.placement import project_evidence
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 2, 2)), ("design", D(2026, 4, 6)), ("delivery", D(2026, 10, 5)))


@pytest.mark.django_db
def test_rule_codesign_decisions_shared_but_experts_joined_after_design_began():
    project = project_with_history(
        stages=STAGES,
        experts=2,
        experts_join=D(2026, 5, 11),
        decisions=(("design", True), ("design", True), ("delivery", False)),
        ideas=(("design", "adopted"), ("design", "adopted")),
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "co-design"
    assert "2 of 3 decisions (67% by weight)" in evidence.rule.reason
    # Both fit within co-design's thresholds: notes to watch, not faux-production warnings.
    assert evidence.warnings == []
    assert {w.key for w in evidence.to_watch} == {
        "decision_without_experience",
        "joined_after_design",
    }


@pytest.mark.django_db
def test_rule_codesign_half_of_the_decisions_is_enough():
    project = project_with_history(stages=STAGES, decisions=(("design", True), ("design", False)))
    assert project_evidence(project=project).step.slug == "co-design"


@pytest.mark.django_db
def test_rule_codesign_not_below_half_and_says_why():
    project = project_with_history(
        stages=STAGES,
        decisions=(("design", True), ("design", False), ("delivery", False)),
        ideas=(("design", "not_adopted"),),
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug != "co-design"
    codesign = next(o for o in evidence.checked if o.rule == "co-design")
    assert not codesign.applies
    assert "50% or more of the decisions, not 1 of 3 decisions (33% by weight)" in codesign.reason
