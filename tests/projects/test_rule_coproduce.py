"""Rule: co-produce - from the start, in every stage, a real voice in most decisions, most ideas
answered, and equality, access and reciprocity shown (rules version 2)."""

import pytest

from copro.projects.evidence.placement import project_evidence
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)), ("delivery", D(2026, 6, 1)))
ALL_SHARED = (("idea", True), ("design", True), ("delivery", True), ("delivery", True))
ANSWERED = (("design", "adopted"), ("delivery", "adapted"), ("delivery", "not_adopted"))


@pytest.mark.django_db
def test_rule_coproduce_from_the_start_in_every_stage_sharing_decisions_and_answered():
    project = project_with_history(
        stages=STAGES, decisions=ALL_SHARED, ideas=ANSWERED, given_back=True
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "co-produce"
    assert evidence.rule.rule == "co-produce"
    assert "from the start and in every stage" in evidence.rule.reason
    assert evidence.step_up is None  # the top step
    assert evidence.warnings == []


@pytest.mark.django_db
def test_rule_coproduce_three_of_four_decisions_is_most():
    decisions = (("idea", True), ("design", True), ("delivery", True), ("delivery", False))
    project = project_with_history(
        stages=STAGES, decisions=decisions, ideas=ANSWERED, given_back=True
    )
    assert project_evidence(project=project).step.slug == "co-produce"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "history, missing",
    [
        ({"experts_join": D(2026, 4, 1)}, "be members before the design begins"),
        (
            # The meetings they came to (last week) fall in the evaluation stage: nothing in
            # delivery.
            {
                "stages": (*STAGES, ("evaluation", D(2026, 9, 7))),
                "decisions": (("idea", True), ("design", True)),
                "ideas": (("design", "adopted"),),
            },
            "take part in every stage",
        ),
        (
            {"decisions": (("idea", True), ("design", True), ("delivery", False))},
            "have a real voice in 75% or more of the decisions",
        ),
        (
            {"ideas": (("idea", "adopted"), ("design", "waiting"))},
            "have 75% or more of their ideas answered",
        ),
    ],
)
def test_rule_coproduce_needs_every_condition(history, missing):
    values = {
        "stages": STAGES,
        "decisions": ALL_SHARED,
        "ideas": ANSWERED,
        "given_back": True,
        **history,
    }
    evidence = project_evidence(project=project_with_history(**values))
    assert evidence.step.slug == "co-design"
    assert evidence.step_up.rule == "co-produce"
    assert missing in evidence.step_up.reason


@pytest.mark.django_db
def test_rule_coproduce_needs_ideas_to_have_been_answered_not_just_absent():
    project = project_with_history(stages=STAGES, decisions=ALL_SHARED, ideas=(), given_back=True)
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "co-design"
    assert "ideas answered" in evidence.step_up.reason


@pytest.mark.django_db
@pytest.mark.parametrize("given_back", [False, True])
def test_rule_coproduce_needs_access_and_reciprocity_shown_not_just_not_disproved(given_back):
    project = project_with_history(
        stages=STAGES, decisions=ALL_SHARED, ideas=ANSWERED, given_back=given_back
    )
    evidence = project_evidence(project=project)
    if given_back:
        assert evidence.step.slug == "co-produce"
        return
    assert evidence.step.slug == "co-design"
    assert "access and reciprocity have no data yet" in evidence.step_up.reason
    assert {p.slug for p in evidence.held_by} == {"access", "reciprocity"}
