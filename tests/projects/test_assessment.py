"""Self-assessment: the questionnaire's mapping to a step, the service, the medians of each group
and the flag for a gap of two steps or more."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from copro.framework.models import StaircaseStep
from copro.projects.assessment import (
    QUESTIONS,
    assessment_summary,
    self_assessment_record,
    step_for_answers,
)
from copro.projects.models import Membership, Placement, SelfAssessment
from tests.projects.factories import D, MembershipFactory, ProjectFactory

# The answer that stands for each step in every question where one does.
TOP = {q.key: q.options[0].key for q in QUESTIONS}


def answers_for(step: int) -> dict[str, str]:
    """For each question, the answer nearest to `step` from below (or the lowest)."""
    chosen = {}
    for question in QUESTIONS:
        fitting = [o for o in question.options if o.step <= step] or [question.options[-1]]
        chosen[question.key] = max(fitting, key=lambda o: o.step).key
    return chosen


def test_the_questionnaire_is_short_plain_and_covers_the_staircase():
    assert 4 <= len(QUESTIONS) <= 6
    for question in QUESTIONS:
        assert question.text.endswith("?")
        assert len(question.options) >= 3
        assert all(1 <= o.step <= 7 for o in question.options)
        assert len({o.key for o in question.options}) == len(question.options)
    assert step_for_answers(TOP) == 7


@pytest.mark.parametrize(
    "steps, expected",
    [
        ([7, 7, 7, 7, 7], 7),
        ([4, 4, 4, 4, 4], 4),
        ([7, 6, 5, 4, 7], 6),  # the middle value
        ([7, 7, 4, 4, 3], 4),
        ([7, 1, 3, 4, 3], 3),
    ],
)
def test_the_step_is_the_median_of_the_answers(steps, expected):
    answers = {}
    for question, step in zip(QUESTIONS, steps, strict=True):
        answers[question.key] = next(o.key for o in question.options if o.step == step)
    assert step_for_answers(answers) == expected


def test_a_missing_or_unknown_answer_is_refused_beside_its_question():
    answers = dict(TOP)
    del answers["decisions"]
    answers["ideas"] = "made_up"
    with pytest.raises(ValidationError) as error:
        step_for_answers(answers)
    assert set(error.value.message_dict) == {"decisions", "ideas"}
    assert error.value.message_dict["decisions"] == [
        "Choose an answer to “Who makes the final decisions?”"
    ]


@pytest.fixture
def project(db):
    return ProjectFactory(stages=[("idea", D(2026, 1, 5))])


@pytest.mark.django_db
def test_the_service_stores_the_step_and_refreshes_the_placement(project):
    member = MembershipFactory(project=project)
    assessment = self_assessment_record(
        project=project, membership=member, answers={**answers_for(4), "extra": "ignored"}
    )
    assert assessment.step.order == 4
    assert assessment.kind == "experience"
    assert set(assessment.answers) == {q.key for q in QUESTIONS}
    assert Placement.objects.filter(project=project).exists()


@pytest.mark.django_db
def test_only_current_members_of_the_project_may_answer(project):
    left = MembershipFactory(project=project, left_on=D(2026, 2, 1))
    elsewhere = MembershipFactory()
    for membership in (left, elsewhere):
        with pytest.raises(PermissionDenied):
            self_assessment_record(project=project, membership=membership, answers=TOP)
    assert not SelfAssessment.objects.exists()


def summary(project):
    return assessment_summary(project=project, steps=list(StaircaseStep.objects.all()))


@pytest.mark.django_db
def test_medians_for_each_group_from_each_members_latest_answer(project):
    citizens = [MembershipFactory(project=project) for _ in range(3)]
    staff = [MembershipFactory(project=project, kind="qualification") for _ in range(2)]
    for member, step in zip(citizens, (3, 4, 5), strict=True):
        self_assessment_record(project=project, membership=member, answers=answers_for(step))
    # The first citizen changes their mind: only the latest answer counts.
    self_assessment_record(project=project, membership=citizens[0], answers=answers_for(6))
    for member, step in zip(staff, (6, 7), strict=True):
        self_assessment_record(project=project, membership=member, answers=answers_for(step))
    result = summary(project)
    assert (result.experience.order, result.experience_count) == (5, 3)  # 4, 5, 6
    assert (result.qualification.order, result.qualification_count) == (6, 2)  # lower middle
    assert result.gap == 1 and not result.flagged and result.gap_message == ""


@pytest.mark.django_db
def test_people_who_have_left_no_longer_count(project):
    member = MembershipFactory(project=project)
    self_assessment_record(project=project, membership=member, answers=answers_for(7))
    member.left_on = D(2026, 3, 1)
    member.save()
    assert summary(project).experience is None


@pytest.mark.django_db
def test_a_gap_of_two_steps_is_flagged_in_plain_words(project):
    citizen = MembershipFactory(project=project)
    staff = MembershipFactory(project=project, kind=Membership.Kind.QUALIFICATION)
    self_assessment_record(project=project, membership=citizen, answers=answers_for(4))
    self_assessment_record(project=project, membership=staff, answers=answers_for(6))
    result = summary(project)
    assert result.flagged and result.gap == 2
    assert result.gap_message == "Staff see this as co-design; citizens see it as consultation."


@pytest.mark.django_db
def test_a_gap_the_other_way_is_flagged_too(project):
    citizen = MembershipFactory(project=project)
    staff = MembershipFactory(project=project, kind=Membership.Kind.QUALIFICATION)
    self_assessment_record(project=project, membership=citizen, answers=answers_for(7))
    self_assessment_record(project=project, membership=staff, answers=answers_for(4))
    result = summary(project)
    assert result.flagged and result.gap == -3
    assert result.gap_message == "Staff see this as consultation; citizens see it as co-production."


@pytest.mark.django_db
def test_no_flag_with_only_one_group(project):
    staff = MembershipFactory(project=project, kind=Membership.Kind.QUALIFICATION)
    self_assessment_record(project=project, membership=staff, answers=answers_for(7))
    result = summary(project)
    assert result.experience is None and result.qualification.order == 7
    assert not result.flagged
