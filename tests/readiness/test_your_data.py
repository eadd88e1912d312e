"""PRIV-9/PRIV-10: a person's audit scores, steps they look after and actions they own are in
their export, and nobody else's; on erasure a step loses its owner and scores stay."""

import datetime

import pytest

from copro.framework.models import SevenStep
from copro.people import your_data
from copro.readiness import services
from copro.readiness.models import AuditParticipant, AuditScore, AuditStatement, Readiness

pytestmark = pytest.mark.django_db


def test_priv9_the_export_has_my_scores_steps_and_actions_only(world):
    statement = AuditStatement.objects.first()
    mine = AuditParticipant.objects.get(round=world.open_round, person=world.participant)
    theirs = AuditParticipant.objects.get(round=world.open_round, kind="qualification")
    services.scores_save(participant=mine, scores={statement.pk: 2})
    services.scores_save(participant=theirs, scores={statement.pk: 5})
    services.readiness_update(
        step=SevenStep.objects.first(),
        status="done",
        owner=world.staff,
        evidence="",
        review_on=None,
        by=world.staff,
    )
    services.action_add(
        round=world.open_round,
        text="Mine to do",
        owner=world.participant,
        due_on=datetime.date(2027, 1, 1),
        by=world.staff,
    )
    sections = your_data.export_for(world.participant)["sections"]
    scored = sections["Co-production audits you scored"]
    assert [s["score"] for s in scored[0]["scores"]] == [2]
    assert sections["Audit actions you agreed to do"][0]["action"] == "Mine to do"
    assert sections["Readiness steps you look after"] == []
    assert your_data.export_for(world.staff)["sections"]["Readiness steps you look after"]


def test_priv10_erasure_keeps_scores_and_frees_the_step(world):
    participant = AuditParticipant.objects.get(round=world.open_round, person=world.participant)
    services.scores_save(participant=participant, scores={AuditStatement.objects.first().pk: 3})
    services.readiness_update(
        step=SevenStep.objects.first(),
        status="done",
        owner=world.participant,
        evidence="",
        review_on=None,
        by=world.staff,
    )
    your_data.account_erase(user=world.participant)
    assert Readiness.objects.get().owner is None
    assert AuditScore.objects.filter(participant=participant).count() == 1
