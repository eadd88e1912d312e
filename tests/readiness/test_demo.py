"""`copro demo` builds the seven steps (one review overdue) and two audit rounds half a year
apart, one published, with scores that went up - once."""

import pytest
from django.core.management import call_command

from copro.people.models import User
from copro.readiness import selectors
from copro.readiness.models import AuditAction, AuditRound, AuditScore, Readiness, ReadinessChange


def counts():
    return tuple(
        m.objects.count() for m in (Readiness, ReadinessChange, AuditRound, AuditScore, AuditAction)
    )


@pytest.mark.django_db
def test_demo_readiness_and_audits_are_built_once(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    first = counts()
    call_command("demo")
    assert counts() == first

    summary = selectors.readiness_summary()
    assert {line.status for line in summary} == {"not_started", "in_progress", "done"}
    assert sum(line.overdue for line in summary) == 1

    spring, autumn = AuditRound.objects.order_by("held_on")
    assert 150 <= (autumn.held_on - spring.held_on).days <= 200
    assert spring.is_published and not autumn.is_published
    assert not spring.is_open and not autumn.is_open
    sam = User.objects.get(email="sam.staff@demo.example")
    points = selectors.round_trend(round=autumn, viewer=sam)
    before = {p.principle.slug: p.figures.average for p in points if p.round == spring}
    after = {p.principle.slug: p.figures.average for p in points if p.round == autumn}
    assert set(before) == set(after) == {"equality", "diversity", "access", "reciprocity"}
    assert all(after[slug] > before[slug] for slug in before)
    results = selectors.round_results(round=spring)
    assert results.experience >= 2 and results.qualification >= 2 and not results.warnings
