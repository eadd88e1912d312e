"""Faux-production warnings: each found from a hand-built record, each quoting the matching
"Co-production is not" statement from the guidance in the database."""

import datetime

import pytest
from django.utils import timezone

from copro.framework.models import StaircaseStep, Statement
from copro.projects.evidence.placement import project_evidence
from copro.projects.models import Membership, SelfAssessment
from tests.projects.factories import (
    ContributionFactory,
    D,
    MembershipFactory,
    project_with_history,
)

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)), ("delivery", D(2026, 6, 1)))


def warning(evidence, key):
    found = [w for w in evidence.warnings if w.key == key]
    assert found, f"no {key} warning in {[w.key for w in evidence.warnings]}"
    return found[0]


def assert_quotes(found, slug):
    statement = Statement.objects.get(slug=slug)
    assert statement.kind == "is_not"
    assert found.statement_slug == slug
    assert found.statement_text == statement.text
    assert found.statement_explanation == statement.explanation


@pytest.mark.django_db
def test_warning_decision_taken_without_any_expert_by_experience():
    project = project_with_history(
        stages=STAGES, decisions=(("idea", True), ("design", False), ("delivery", False))
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "engage"
    found = warning(evidence, "decision_without_experience")
    assert found.message.startswith(
        "2 of 3 decisions were taken with no real voice from experts by experience"
    )
    assert "“Decision" in found.message
    assert_quotes(found, "not-consultation")


@pytest.mark.django_db
def test_warning_never_contradicts_the_step_within_its_thresholds_it_is_a_note():
    # Two of three decisions shared is within co-design's threshold (half): a note to watch.
    project = project_with_history(
        stages=STAGES, decisions=(("idea", True), ("design", False), ("delivery", True))
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "co-design"
    assert evidence.warnings == []
    (note,) = evidence.to_watch
    assert note.key == "decision_without_experience" and note.to_watch
    assert note.message.startswith("1 of 3 decisions was taken with no real voice")


@pytest.mark.django_db
def test_warning_decisions_without_experts_names_three_and_counts_the_rest():
    project = project_with_history(stages=STAGES, decisions=(("design", False),) * 5)
    found = warning(project_evidence(project=project), "decision_without_experience")
    assert found.message.startswith("5 of 5 decisions were taken")
    assert found.message.count("“") == 3 and "and 2 more." in found.message


@pytest.mark.django_db
def test_warning_experts_joined_after_the_design_was_done():
    project = project_with_history(
        stages=STAGES, experts_join=D(2026, 5, 4), ideas=(("delivery", "adopted"),)
    )
    found = warning(project_evidence(project=project), "joined_after_design")
    assert "first joined on 4 May 2026, after the design stage began on 2 March 2026" in (
        found.message
    )
    assert "asking for views and then adjusting the plan is consultation" in found.message
    assert_quotes(found, "not-consultation")


@pytest.mark.django_db
def test_warning_no_late_joining_warning_before_design_or_when_experts_were_there():
    early = project_with_history(stages=STAGES[:1], experts_join=D(2026, 2, 1))
    on_time = project_with_history(stages=STAGES, experts_join=D(2026, 3, 2))
    for project in (early, on_time):
        keys = {w.key for w in project_evidence(project=project).warnings}
        assert "joined_after_design" not in keys


@pytest.mark.django_db
def test_warning_contributions_left_unanswered():
    project = project_with_history(stages=STAGES, experts=1)
    citizen = project.memberships.get(kind=Membership.Kind.EXPERIENCE)
    long_ago = timezone.now() - datetime.timedelta(days=29)
    ContributionFactory.for_member(citizen, raised_at=long_ago)
    ContributionFactory.for_member(citizen, raised_at=long_ago)
    ContributionFactory.for_member(citizen)  # raised today: not overdue yet
    found = warning(project_evidence(project=project), "contributions_unanswered")
    assert found.message == (
        "2 ideas and concerns from experts by experience have waited more than 28 days for a "
        "real answer."
    )
    assert_quotes(found, "not-box-ticking")


@pytest.mark.django_db
def test_warning_unanswered_waits_for_the_configured_days(settings):
    settings.STAIRCASE_RULES = {"unanswered_after_days": 60}
    project = project_with_history(stages=STAGES, experts=1)
    citizen = project.memberships.get(kind=Membership.Kind.EXPERIENCE)
    ContributionFactory.for_member(citizen, raised_at=timezone.now() - datetime.timedelta(days=29))
    keys = {w.key for w in project_evidence(project=project).warnings}
    assert "contributions_unanswered" not in keys


@pytest.mark.django_db
def test_warning_experts_only_asked_to_judge_the_result():
    stages = (*STAGES, ("evaluation", D(2026, 9, 7)))
    project = project_with_history(stages=stages, ideas=(("evaluation", "adopted"),))
    found = warning(project_evidence(project=project), "only_evaluation")
    assert "not in the Idea, Design and Delivery stages" in found.message
    assert_quotes(found, "not-only-rating-a-service")


@pytest.mark.django_db
def test_warning_staff_self_assessment_two_steps_above_the_evidence():
    project = project_with_history(stages=STAGES, ideas=(("design", "not_adopted"),))
    lead = project.memberships.get(kind=Membership.Kind.QUALIFICATION)
    colleague = MembershipFactory(project=project, kind=Membership.Kind.QUALIFICATION)
    for member in (lead, colleague):
        SelfAssessment.objects.create(
            project=project,
            user=member.user,
            kind=member.kind,
            step=StaircaseStep.objects.get(slug="co-design"),
        )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "consult"
    found = warning(evidence, "self_assessment_above_evidence")
    assert "put this project at step 6, Co-design" in found.message
    assert "the record supports step 4, Consult" in found.message
    assert_quotes(found, "not-box-ticking")


@pytest.mark.django_db
def test_warning_staff_one_step_above_is_not_flagged():
    project = project_with_history(stages=STAGES, ideas=(("design", "not_adopted"),))
    lead = project.memberships.get(kind=Membership.Kind.QUALIFICATION)
    SelfAssessment.objects.create(
        project=project,
        user=lead.user,
        kind=lead.kind,
        step=StaircaseStep.objects.get(slug="engage"),
    )
    keys = {w.key for w in project_evidence(project=project).warnings}
    assert "self_assessment_above_evidence" not in keys


@pytest.mark.django_db
def test_warning_words_come_from_the_guidance_in_the_database():
    Statement.objects.filter(slug="not-consultation").update(text="Only a consultation.")
    project = project_with_history(stages=STAGES, decisions=(("design", False),))
    found = warning(project_evidence(project=project), "decision_without_experience")
    assert found.statement_text == "Only a consultation."


@pytest.mark.django_db
def test_warning_none_for_a_project_that_really_co_produces():
    project = project_with_history(
        stages=STAGES,
        decisions=(("idea", True), ("design", True), ("delivery", True)),
        ideas=(("design", "adopted"),),
        given_back=True,
    )
    evidence = project_evidence(project=project)
    assert evidence.step.slug == "co-produce"
    assert evidence.findings == []
