"""CONC-1: one score per participant per statement, and one place per person in a round, under
concurrent double submits. Real threads need PostgreSQL's row locks; SQLite lets one writer in
at a time, so these skip there with a reason (the sequential double submit is tested in
test_view_readiness.py on both)."""

import pytest

from copro.readiness import services
from copro.readiness.models import AuditParticipant, AuditScore, AuditStatement
from tests.concurrency import run_together, skip_on_sqlite
from tests.readiness.world import make_world

# serialized_rollback puts back the guidance rows (principles, statements) the flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_conc1_the_same_scores_sent_many_times_at_once_keep_one_row_per_statement():
    skip_on_sqlite()
    world = make_world()
    participant = AuditParticipant.objects.get(round=world.open_round, person=world.participant)
    statements = list(AuditStatement.objects.filter(is_active=True))
    jobs = [
        (
            lambda v=value: services.scores_save(
                participant=participant, scores={s.pk: v for s in statements}
            )
        )
        for value in (1, 2, 3, 4, 5, 1, 2, 3)
    ]
    assert run_together(jobs) == []
    assert AuditScore.objects.filter(participant=participant).count() == len(statements)
    # One submission won as a whole: every statement has the same score.
    assert len(set(AuditScore.objects.values_list("score", flat=True))) == 1


def test_conc1_adding_the_same_person_at_once_adds_them_once():
    skip_on_sqlite()
    world = make_world()
    jobs = [
        (lambda: services.participant_add(round=world.open_round, person=world.citizen, by=None))
        for _ in range(8)
    ]
    assert run_together(jobs) == []
    assert (
        AuditParticipant.objects.filter(round=world.open_round, person=world.citizen).count() == 1
    )
