"""The notifications API: your own notifications and choices only, in a fixed number of queries."""

import pytest

from copro.notifications.models import Preference
from copro.notifications.services import notify
from tests.notifications.factories import person

pytestmark = pytest.mark.django_db


def tell(someone, key):
    return notify(recipients=[someone], kind="test_event", event_key=key, title=f"News {key}")[0]


def test_the_list_is_mine_with_each_route(client):
    mine, theirs = person(contact="text"), person()
    tell(mine, "a")
    tell(theirs, "b")
    client.force_login(mine)
    body = client.get("/api/v1/notifications").json()
    assert [n["title"] for n in body] == ["News a"]
    assert body[0]["deliveries"] == [
        {
            "channel": "text",
            "state": "sent",
            "attempts": 1,
            "sent_at": body[0]["deliveries"][0]["sent_at"],
        }
    ]
    assert client.get("/api/v1/notifications?page=99").json() == []


def test_the_list_has_a_fixed_number_of_queries(client, django_assert_num_queries):
    someone = person()
    for n in range(30):
        tell(someone, str(n))
    client.force_login(someone)
    # session, user, count, the page of notifications, their deliveries
    with django_assert_num_queries(5):
        assert len(client.get("/api/v1/notifications").json()) == 25


def test_mark_read_is_mine_only(client):
    mine, other = person(), person()
    notification = tell(mine, "a")
    client.force_login(other)
    assert client.post(f"/api/v1/notifications/{notification.pk}/read").status_code == 404
    client.force_login(mine)
    response = client.post(f"/api/v1/notifications/{notification.pk}/read")
    assert response.status_code == 200 and response.json()["read_at"]
    assert client.post("/api/v1/notifications/read-all").json() == {"marked": 0}


def test_preferences_get_and_set(client):
    someone = person(contact="post", phone="")
    client.force_login(someone)
    body = client.get("/api/v1/notifications/preferences").json()
    test_row = next(row for row in body["kinds"] if row["kind"] == "test_event")
    assert test_row["routes"] == ["post"] and not test_row["chosen"]
    response = client.put(
        "/api/v1/notifications/preferences",
        {"kind": "test_event", "routes": ["email", "post"], "frequency": "weekly"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert Preference.objects.get(person=someone).frequency == "weekly"
    refused = client.put(
        "/api/v1/notifications/preferences",
        {"kind": "no_such_kind", "routes": [], "frequency": "now"},
        content_type="application/json",
    )
    assert refused.status_code == 404
    no_address = client.put(
        "/api/v1/notifications/preferences",
        {"kind": "test_event", "routes": ["text"], "frequency": "now"},
        content_type="application/json",
    )
    assert no_address.status_code == 409
    assert "Add your details for text message first" in no_address.json()["detail"]
    quiet = client.put(
        "/api/v1/notifications/quiet-hours",
        {"starts": "21:00", "ends": "08:00"},
        content_type="application/json",
    )
    assert quiet.json()["quiet_ends"] == "08:00"


def test_signed_out_is_401(client):
    assert client.get("/api/v1/notifications").status_code == 401
    assert client.get("/api/v1/notifications/preferences").status_code == 401
