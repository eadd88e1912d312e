"""Rules at the bottom: inform (experts are members, or the project is published, but nothing was
asked of them) and educate (no experts by experience and nothing published)."""

import pytest

from copro.projects.evidence.placement import project_evidence
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)))


@pytest.mark.django_db
def test_rule_inform_experts_are_members_but_nothing_was_gathered_from_them():
    project = project_with_history(stages=STAGES, decisions=(("design", False),))
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "inform"
    assert "have not voted or raised anything yet" in evidence.rule.reason
    assert evidence.step_up.rule == "consult"


@pytest.mark.django_db
def test_rule_inform_no_experts_but_the_project_is_published():
    project = project_with_history(
        stages=STAGES, experts=0, visibility="public", decisions=(("design", False),)
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "inform"
    assert "No experts by experience are members" in evidence.rule.reason


@pytest.mark.django_db
def test_rule_inform_not_for_an_empty_published_project_which_is_not_enough_evidence():
    # Published, but nothing decided: there is nothing to read about what was decided and why.
    project = project_with_history(stages=STAGES, experts=0, visibility="public")
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "educate"
    assert not evidence.confidence.enough
    assert evidence.confidence.label == "Not enough evidence yet"
    assert evidence.confidence.missing[0].startswith("3 or more decisions that matter")


@pytest.mark.django_db
def test_rule_inform_not_reached_without_experts_or_publishing_so_educate():
    project = project_with_history(stages=STAGES, experts=0, decisions=(("design", False),))
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "educate"
    assert [o.rule for o in evidence.checked] == [
        "co-produce",
        "co-design",
        "engage",
        "consult",
        "inform",
        "educate",
    ]


@pytest.mark.django_db
def test_rule_inform_coerce_is_never_placed_from_the_record():
    from copro.projects.evidence.rules import RULES

    assert "coerce" not in {rule.step for rule in RULES}
