"""Bounded query counts: the personal page, the lead's page and the API list cost the same for
one record as for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from copro.projects import services as project_services
from tests.voice.factories import sign_in, voice_world

pytestmark = pytest.mark.django_db


def _more_records(world, n):
    for i in range(n):
        decision = project_services.decision_propose(
            project=world.project,
            title=f"Decision {i}",
            proposal="x",
            method="consent",
            options=[],
            review_on=None,
            by=world.lead,
        )
        position = project_services.position_record(
            decision=decision,
            member=world.membership,
            by=world.lead,
            stance="agree",
            how="on paper",
        )
        from copro.voice import permissions as perms
        from copro.voice import services

        if i % 2:
            item = perms.record_get_for_person(
                viewer=world.citizen, kind="position", pk=position.pk
            )
            services.record_contest(item=item, reason=f"Reason {i}", by=world.citizen)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_perf_pages_cost_the_same_whatever_the_number_of_records(client, django_assert_num_queries):
    world = voice_world()
    sign_in(client, world.citizen)
    home_small = _count(client, "/voice/")
    api_small = _count(client, "/api/v1/voice/records")
    sign_in(client, world.lead)
    lead_small = _count(client, f"/voice/projects/{world.project.pk}/records/")
    _more_records(world, 8)
    sign_in(client, world.citizen)
    # The personal page: session, user, supporters (1), records (4), answers to judge (1),
    # check-ins due (1), then the base template's own reads.
    with django_assert_num_queries(home_small):
        client.get("/voice/")
    with django_assert_num_queries(api_small):
        client.get("/api/v1/voice/records")
    sign_in(client, world.lead)
    # The lead's page: session, user, project and the lead check (2), contested (4 + 1
    # withdrawals), provenance counts (4), check-in aggregate (1), history (1).
    with django_assert_num_queries(lead_small):
        client.get(f"/voice/projects/{world.project.pk}/records/")
