"""Evidence for a project costs a fixed number of queries whatever its size (issue 15): the
same for 3 and for 30 experts by experience, decisions, ideas and meeting attendances."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from copro.projects.evidence.placement import project_evidence
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)), ("delivery", D(2026, 6, 1)))


def sized(n: int):
    return project_with_history(
        stages=STAGES,
        experts=n,
        decisions=[("design", True), ("delivery", False)] * n,
        ideas=[("design", "adopted"), ("delivery", "considering"), ("delivery", "waiting")] * n,
        given_back=True,
    )


@pytest.mark.django_db
def test_evd_evidence_costs_the_same_queries_for_3_and_for_30():
    counts = []
    for n in (3, 30):
        project = sized(n)
        with CaptureQueriesContext(connection) as captured:
            evidence = project_evidence(project=project)
        counts.append(len(captured))
        assert evidence.provenance.by_self > 0
    # thresholds need none; the staircase (1); the record: stage changes, members, decisions
    # with their voices, participation (one UNION), ideas (counts, answer times) (6); the
    # meetings source of participation: meetings attended, then stage changes (2); signals:
    # access (meetings held, arrangements, papers, attendance: 4), reciprocity (1); the
    # provenance counts (one UNION ALL) (1); the self-assessments (1); the guidance's
    # statements for the warnings (1); the experience check-ins (copro.voice, 1) and the paper
    # versions each member's formats need (the access signal, 1)
    assert counts == [19, 19]
