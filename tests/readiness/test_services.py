"""Readiness history and the audit's rules: who takes part as what, scores once per statement,
closing and publishing in order."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from copro.framework.models import SevenStep
from copro.people.models import Profile
from copro.projects.models import Membership
from copro.readiness import selectors, services
from copro.readiness.models import (
    AuditParticipant,
    AuditScore,
    AuditStatement,
    Readiness,
    ReadinessChange,
)
from tests.people.factories import UserFactory
from tests.projects.factories import MembershipFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def _step(order=1) -> SevenStep:
    return SevenStep.objects.get(order=order)


def test_readiness_summary_says_not_started_for_steps_nobody_has_touched(
    django_assert_num_queries,
):
    with django_assert_num_queries(1):  # the steps, joined to their readiness and owner
        summary = selectors.readiness_summary()
    assert [line.step.order for line in summary] == [1, 2, 3, 4, 5, 6, 7]
    assert {line.status for line in summary} == {"not_started"}
    assert {line.status_label for line in summary} == {"Not started"}


def test_readiness_summary_runs_one_query_however_many_steps_are_recorded(
    staff_a, django_assert_num_queries
):
    for step in SevenStep.objects.all():
        owner = UserFactory(role="staff")
        services.readiness_update(
            step=step, status="done", owner=owner, evidence="x", review_on=None, by=staff_a
        )
    with django_assert_num_queries(1):
        summary = selectors.readiness_summary()
        names = [line.owner.display_name for line in summary]
    assert len(names) == 7 and {line.status for line in summary} == {"done"}


def test_each_change_is_recorded_with_who_what_and_when(staff_a, citizen_a):
    step = _step()
    services.readiness_update(
        step=step, status="in_progress", owner=None, evidence="", review_on=None, by=staff_a
    )
    services.readiness_update(
        step=step,
        status="in_progress",
        owner=staff_a,
        evidence="Minutes of 3 May",
        review_on=D(2027, 1, 31),
        by=staff_a,
    )
    changes = list(ReadinessChange.objects.order_by("pk").values_list("what", "before", "after"))
    assert changes == [
        ("Status", "Not started", "In progress"),
        ("Owner", "", "Sam"),
        ("Evidence", "", "Minutes of 3 May"),
        ("Review date", "", "31 January 2027"),
    ]
    assert set(ReadinessChange.objects.values_list("changed_by", flat=True)) == {staff_a.pk}
    assert Readiness.objects.count() == 1


def test_saving_without_changes_records_no_history(staff_a):
    for _ in range(2):
        services.readiness_update(
            step=_step(), status="done", owner=None, evidence="", review_on=None, by=staff_a
        )
    assert ReadinessChange.objects.count() == 1  # status, the first time only


def test_a_review_date_in_the_past_is_flagged_overdue(staff_a):
    today = datetime.date.today()
    for order, days in ((1, -1), (2, 0), (3, 30)):
        services.readiness_update(
            step=_step(order),
            status="done",
            owner=None,
            evidence="",
            review_on=today + datetime.timedelta(days=days),
            by=staff_a,
        )
    overdue = {line.step.order: line.overdue for line in selectors.readiness_summary(today=today)}
    assert overdue == {1: True, 2: False, 3: False, 4: False, 5: False, 6: False, 7: False}


def test_a_bad_status_is_refused_and_nothing_is_saved(staff_a):
    with pytest.raises(ValidationError):
        services.readiness_update(
            step=_step(), status="finished", owner=None, evidence="", review_on=None, by=staff_a
        )
    assert Readiness.objects.count() == ReadinessChange.objects.count() == 0


# Who takes part as what


def test_kind_comes_from_the_project_membership_first(world):
    MembershipFactory(
        project=world.project_a, user=world.staff, kind=Membership.Kind.EXPERIENCE
    )  # a member of staff who is also a carer, on this project as one
    assert services.kind_for(person=world.staff, project=world.project_a) == "experience"
    assert services.kind_for(person=world.staff, project=None) == "qualification"


@pytest.mark.parametrize(
    ("takes_part_as", "kind"),
    [("experience", "experience"), ("both", "experience"), ("qualification", "qualification")],
)
def test_kind_comes_from_the_profile_for_citizens(takes_part_as, kind):
    person = UserFactory()
    Profile.objects.create(user=person, takes_part_as=takes_part_as)
    assert services.kind_for(person=person, project=None) == kind


def test_a_citizen_without_a_profile_is_an_expert_by_experience():
    assert services.kind_for(person=UserFactory(), project=None) == "experience"


def test_a_project_round_takes_only_current_members(world):
    with pytest.raises(ValidationError) as error:
        services.participant_add(round=_project_round(world), person=world.citizen, by=world.staff)
    assert "current member of the project" in str(error.value)


def _project_round(world):
    return services.round_start(
        title="A round", project=world.project_a, held_on=D(2026, 9, 1), by=world.staff
    )


def test_warnings_when_one_kind_of_expert_is_missing(world):
    found = services.round_start(title="R", project=None, held_on=D(2026, 9, 1), by=world.staff)
    assert len(selectors.round_results(round=found).warnings) == 2
    services.participant_add(round=found, person=world.staff, by=world.staff)
    warnings = selectors.round_results(round=found).warnings
    assert len(warnings) == 1 and "expert by experience" in warnings[0]
    services.participant_add(round=found, person=world.citizen, by=world.staff)
    assert selectors.round_results(round=found).warnings == []


def test_adding_someone_twice_changes_nothing(world):
    found = world.open_round
    before = AuditParticipant.objects.filter(round=found).count()
    services.participant_add(round=found, person=world.participant, by=world.staff)
    assert AuditParticipant.objects.filter(round=found).count() == before


# Scores


def _participant(world) -> AuditParticipant:
    return AuditParticipant.objects.get(round=world.open_round, person=world.participant)


def test_scoring_twice_updates_the_scores_instead_of_adding_rows(world):
    participant = _participant(world)
    statements = list(AuditStatement.objects.all()[:3])
    services.scores_save(participant=participant, scores={s.pk: 2 for s in statements})
    services.scores_save(participant=participant, scores={s.pk: 4 for s in statements})
    assert list(AuditScore.objects.values_list("score", flat=True)) == [4, 4, 4]


def test_not_sure_removes_an_earlier_score(world):
    participant = _participant(world)
    statement = AuditStatement.objects.first()
    services.scores_save(participant=participant, scores={statement.pk: 3})
    assert services.scores_save(participant=participant, scores={statement.pk: None}) == 0
    assert AuditScore.objects.count() == 0


def test_the_database_refuses_a_second_score_for_the_same_statement(world):
    participant = _participant(world)
    statement = AuditStatement.objects.first()
    AuditScore.objects.create(participant=participant, statement=statement, score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditScore.objects.create(participant=participant, statement=statement, score=4)


@pytest.mark.parametrize("score", [0, 6, -1])
def test_a_score_outside_1_to_5_is_refused_and_nothing_is_saved(world, score):
    participant = _participant(world)
    first, second = AuditStatement.objects.all()[:2]
    with pytest.raises(ValidationError):
        services.scores_save(participant=participant, scores={first.pk: 3, second.pk: score})
    assert AuditScore.objects.count() == 0


def test_a_closed_round_takes_no_scores_or_people(world):
    services.round_close(round=world.open_round, by=world.staff)
    with pytest.raises(ValidationError):
        services.scores_save(
            participant=_participant(world), scores={AuditStatement.objects.first().pk: 3}
        )
    with pytest.raises(ValidationError):
        services.participant_add(round=world.open_round, person=world.citizen, by=world.staff)
    assert AuditScore.objects.count() == 0


def test_a_round_is_published_only_once_closed(world):
    with pytest.raises(ValidationError):
        services.round_publish(round=world.open_round, by=world.staff)
    services.round_close(round=world.open_round, by=world.staff)
    published = services.round_publish(round=world.open_round, by=world.staff)
    assert published.is_published
    again = services.round_publish(round=world.open_round, by=world.staff)
    assert again.published_at == published.published_at


def test_round_results_give_each_statement_and_principle_its_figures(
    world, django_assert_num_queries
):
    found = world.open_round
    statements = list(AuditStatement.objects.filter(principle__slug="equality"))
    scorers = [_participant(world)]
    scorers.append(AuditParticipant.objects.get(round=found, kind="qualification"))
    for participant, scores in zip(scorers, ((1, 2, 3), (3, 4, 3)), strict=True):
        services.scores_save(
            participant=participant,
            scores={s.pk: v for s, v in zip(statements, scores, strict=True)},
        )
    with django_assert_num_queries(3):  # statements, participants, scores
        results = selectors.round_results(round=found)
    equality = next(p for p in results.principles if p.principle.slug == "equality")
    assert [s.figures.average_text for s in equality.statements] == ["2.0", "3.0", "3.0"]
    assert equality.figures.average_text == "2.7"  # (2 + 3 + 3) / 3
    assert equality.figures.median_text == "3.0"
    assert results.scored_by == 2
    others = [p for p in results.principles if p.principle.slug != "equality"]
    assert {p.figures.average_text for p in others} == {"No scores"}
