"""Rule: engage - views answered and some acted on, or a share in some decisions, as far as the
council allows."""

import pytest

from copro.projects.evidence.placement import project_evidence
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)))


@pytest.mark.django_db
def test_rule_engage_most_ideas_answered_and_some_adopted_but_decisions_not_shared():
    project = project_with_history(
        stages=STAGES,
        decisions=(("design", False),),
        ideas=(
            ("design", "adopted"),
            ("design", "not_adopted"),
            ("design", "considering"),
            ("design", "out_of_our_hands"),
        ),
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "engage"
    assert "4 of the 4 ideas" in evidence.rule.reason and "1 changed" in evidence.rule.reason


@pytest.mark.django_db
def test_rule_engage_a_share_in_some_decisions_but_fewer_than_half():
    project = project_with_history(
        stages=STAGES,
        decisions=(("idea", True), ("design", False), ("design", False), ("design", False)),
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "engage"
    assert "some decisions (1 of 4 decisions (25% by weight))" in evidence.rule.reason


@pytest.mark.django_db
def test_rule_engage_not_when_too_few_ideas_are_acted_on():
    ideas = (("design", "adopted"),) + (("design", "not_adopted"),) * 4  # 1 in 5 is 20%
    project = project_with_history(stages=STAGES, ideas=ideas)
    assert project_evidence(project=project).step.slug == "consult"
