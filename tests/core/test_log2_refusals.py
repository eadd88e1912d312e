"""LOG-2: refusals and object-level 404s for signed-in people are logged by route."""

import logging

import pytest


@pytest.mark.django_db
def test_log2_a_404_for_a_signed_in_person_is_logged_with_the_route(client, citizen_a, caplog):
    client.force_login(citizen_a)
    with caplog.at_level(logging.WARNING, logger="copro.request"):
        client.get("/learn/no-such-page/")
    records = [r for r in caplog.records if getattr(r, "event", "") == "access_refused"]
    assert len(records) == 1
    assert records[0].user_id == citizen_a.pk
    assert records[0].status == 404
    assert records[0].route == "learn/<slug:slug>/"


@pytest.mark.django_db
def test_log2_anonymous_404s_are_not_logged_as_refusals(client, caplog):
    with caplog.at_level(logging.WARNING, logger="copro.request"):
        client.get("/learn/no-such-page/")
    assert not [r for r in caplog.records if getattr(r, "event", "") == "access_refused"]
