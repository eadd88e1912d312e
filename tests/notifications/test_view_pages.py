"""The notifications pages: the person's history and choices, and the staff's letters and texts."""

import pytest
from pypdf import PdfReader

from copro.notifications import kinds
from copro.notifications.models import Delivery, Notification, Preference, QuietHours
from copro.notifications.services import notify
from tests.notifications.factories import person
from tests.people.mfa_helpers import verify_second_factor

pytestmark = pytest.mark.django_db


def staff_in(client, staff):
    client.force_login(staff)
    verify_second_factor(client, staff)


def tell(people, key="test:1", title="Your meeting has moved"):
    return notify(recipients=people, kind="test_event", event_key=key, title=title, url="/m/1/")


def test_the_history_shows_each_route_and_the_unread_count(client):
    texter = person(contact="text")
    tell([texter])
    client.force_login(texter)
    body = client.get("/notifications/").content.decode()
    assert "Your meeting has moved" in body
    assert "text message: sent" in body
    assert "(1 new)" in body  # the header's unread count


def test_mark_as_read_is_mine_only(client, citizen_b):
    mine = tell([person()])[0]
    client.force_login(citizen_b)
    assert client.post(f"/notifications/{mine.pk}/read/").status_code == 404
    client.force_login(mine.recipient)
    assert client.get(f"/notifications/{mine.pk}/read/").status_code == 405
    assert client.post(f"/notifications/{mine.pk}/read/").status_code == 302
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert "(1 new)" not in client.get("/notifications/").content.decode()


def test_mark_all_as_read(client):
    someone = person()
    tell([someone], "a")
    tell([someone], "b")
    client.force_login(someone)
    client.post("/notifications/read-all/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def history_queries(client, someone, count):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(count):
        tell([someone], f"q:{count}:{n}")
    client.force_login(someone)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/notifications/").status_code == 200
    return len(captured)


def test_the_history_page_has_a_fixed_number_of_queries(client, django_assert_num_queries):
    # session, user, count of notifications, the page of notifications, their deliveries,
    # the unread count in the header
    assert history_queries(client, person(), 2) == history_queries(client, person(), 30)
    someone = person()
    tell([someone])
    client.force_login(someone)
    with django_assert_num_queries(6):
        client.get("/notifications/")


def test_preferences_are_saved_and_refused_without_the_details(client):
    someone = person(contact="email", phone="")
    client.force_login(someone)
    assert client.get("/notifications/how-to-tell-you/").status_code == 200
    data = {"routes_test_event": ["text"], "frequency_test_event": "now"}
    for kind in kinds.all_kinds():
        data.setdefault(f"frequency_{kind.code}", "now")
    response = client.post("/notifications/how-to-tell-you/", data)
    assert response.status_code == 200
    assert "Add your details for text message first" in response.content.decode()
    assert not Preference.objects.exists()  # nothing half-saved
    data.update(
        {"routes_test_event": ["email", "post"], "frequency_test_event": "daily"},
        quiet_starts="21:00",
        quiet_ends="08:00",
    )
    assert client.post("/notifications/how-to-tell-you/", data).status_code == 302
    preference = Preference.objects.get(person=someone, kind="test_event")
    assert preference.routes == ["email", "post"] and preference.frequency == "daily"
    assert QuietHours.objects.get(person=someone).ends.hour == 8


@pytest.mark.parametrize("url", ["/notifications/to-post/", "/notifications/texts/"])
def test_staff_pages_are_404_to_citizens(client, citizen_a, staff_a, url):
    client.force_login(citizen_a)
    assert client.get(url).status_code == 404
    staff_in(client, staff_a)
    assert client.get(url).status_code == 200


def test_staff_print_a_large_print_letter_and_mark_it_posted(client, staff_a):
    writer = person(contact="post", large_print=True, display_name="Maggie")
    tell([writer], "a", "Your meeting has moved")
    tell([writer], "b", "Papers are ready")
    staff_in(client, staff_a)
    page = client.get("/notifications/to-post/").content.decode()
    assert "Maggie" in page
    response = client.get(f"/notifications/to-post/{writer.pk}/letter.pdf")
    assert response["Content-Type"] == "application/pdf"
    import io

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Your meeting has moved" in text and "Papers are ready" in text
    assert "Orchard" not in text and "High Street" in text
    up_to = Delivery.objects.filter(channel="post").order_by("pk").last().pk
    client.post(f"/notifications/to-post/{writer.pk}/posted/", {"up_to": up_to})
    client.post(f"/notifications/to-post/{writer.pk}/posted/", {"up_to": up_to})  # twice
    assert set(Delivery.objects.filter(channel="post").values_list("state", flat=True)) == {"sent"}
    assert "There are no letters to post" in client.get("/notifications/to-post/").content.decode()


def test_the_to_post_queue_has_a_fixed_number_of_queries(client, staff_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (1, 12):
        for n in range(size):
            tell([person(contact="post")], f"p:{size}:{n}")
        staff_in(client, staff_a)
        with CaptureQueriesContext(connection) as captured:
            client.get("/notifications/to-post/")
        counts.append(len(captured))
    # session, user, the second factor's device, the queue (one grouped query), the unread
    # count in the header
    assert counts == [5, 5]
