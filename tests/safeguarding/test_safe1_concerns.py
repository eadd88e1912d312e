"""SAFE-1: only designated safeguarding leads see concerns (everyone else 404), the person who
raised one sees only their own, every view is logged, and the concern's words appear on no
other page and in no e-mail or notification. Outside office hours the emergency numbers show."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from copro.notifications.models import Notification
from copro.safeguarding import services
from copro.safeguarding.models import ConcernView, SafeguardingLead
from tests.conversations.factories import a_thread
from tests.people.factories import UserFactory

WORDS = "CANARY-safeguarding-words"
PERSONAS = ["lead", "asha", "ben", "bea", "outsider", "moderator", "administrator"]


@pytest.fixture
def concern(world):
    """Asha raises a concern from a post in project A; Sam is the only safeguarding lead."""
    world.safeguarding_lead = UserFactory(display_name="Sam (safeguarding lead)", role="staff")
    SafeguardingLead.objects.create(user=world.safeguarding_lead)
    post = a_thread(world, by=world.ben).posts.get()
    return services.concern_raise(about="Ben's neighbour", what=WORDS, by=world.asha, post=post)


def _urls(concern):
    return [
        reverse("safeguarding:concern", args=[concern.pk]),
        f"/api/v1/safeguarding/concerns/{concern.pk}",
    ]


@pytest.mark.parametrize("who", PERSONAS)
def test_safe1_only_the_lead_and_the_raiser_open_the_concern(world, concern, sign_in, who):
    client = sign_in(getattr(world, who))
    for url in _urls(concern):
        response = client.get(url)
        if who == "asha":
            assert response.status_code == 200 and WORDS.encode() in response.content
        else:
            assert response.status_code == 404, url
            assert WORDS.encode() not in response.content
    listed = client.get("/api/v1/safeguarding/concerns").json()
    assert [c["id"] for c in listed] == ([concern.pk] if who == "asha" else [])


def test_safe1_the_lead_sees_every_concern_and_each_view_is_logged(world, concern, sign_in):
    client = sign_in(world.safeguarding_lead)
    page = client.get(reverse("safeguarding:concern", args=[concern.pk]))
    assert page.status_code == 200 and WORDS.encode() in page.content
    client.get(f"/api/v1/safeguarding/concerns/{concern.pk}")
    assert list(ConcernView.objects.values_list("viewer", "route").order_by("pk")) == [
        (world.safeguarding_lead.pk, "page"),
        (world.safeguarding_lead.pk, "api"),
    ]
    assert [c["id"] for c in client.get("/api/v1/safeguarding/concerns").json()] == [concern.pk]


def test_safe1_the_raiser_does_not_see_the_leads_notes(world, concern, sign_in):
    services.concern_act(
        concern=concern, text="NOTE-for-leads", status="in_hand", by=world.safeguarding_lead
    )
    page = sign_in(world.asha).get(reverse("safeguarding:concern", args=[concern.pk]))
    assert b"NOTE-for-leads" not in page.content
    lead_page = sign_in(world.safeguarding_lead).get(
        reverse("safeguarding:concern", args=[concern.pk])
    )
    assert b"NOTE-for-leads" in lead_page.content


def test_safe1_only_leads_record_actions(world, concern, sign_in):
    url = reverse("safeguarding:act", args=[concern.pk])
    for person in (world.asha, world.lead, world.administrator):
        response = sign_in(person).post(url, {"text": "x", "status": "closed"})
        assert response.status_code == 404
    assert not concern.actions.exists()


def test_safe1_the_words_reach_no_notification_email_or_project_page(
    world, concern, sign_in, mailoutbox
):
    told = Notification.objects.filter(kind="safeguarding_concern")
    assert list(told.values_list("recipient", flat=True)) == [world.safeguarding_lead.pk]
    assert not Notification.objects.filter(body__contains=WORDS).exists()
    assert all(WORDS not in m.body and WORDS not in m.subject for m in mailoutbox)
    thread = world.project_a.threads.get()
    for who in ("lead", "ben", "moderator"):
        client = sign_in(getattr(world, who))
        for url in (
            thread.get_absolute_url(),
            reverse("conversations:project", args=[world.project_a.pk]),
            reverse("safeguarding:concerns"),
            reverse("core:home"),
        ):
            assert WORDS.encode() not in client.get(url).content, (who, url)


def test_the_link_is_on_every_page_for_signed_in_people_only(world, client, sign_in):
    assert b"worried about someone" not in client.get(reverse("core:home")).content
    page = sign_in(world.asha).get(reverse("framework:learn"))
    assert reverse("safeguarding:raise").encode() in page.content


@pytest.mark.parametrize(
    "moment, out_of_hours",
    [
        (datetime.datetime(2027, 3, 3, 11, 0), False),  # a Wednesday morning
        (datetime.datetime(2027, 3, 3, 21, 0), True),  # the same evening
        (datetime.datetime(2027, 3, 6, 11, 0), True),  # a Saturday
    ],
)
def test_outside_office_hours_the_emergency_numbers_show(
    world, sign_in, settings, moment, out_of_hours
):
    settings.SAFEGUARDING_OUT_OF_HOURS_PHONE = "01234 000111"
    from zoneinfo import ZoneInfo

    with time_machine.travel(moment.replace(tzinfo=ZoneInfo("Europe/London")), tick=False):
        page = sign_in(world.asha).get(reverse("safeguarding:raise"))
    assert (b"01234 000111" in page.content) is out_of_hours
    assert b"call 999" in page.content


def test_raising_a_concern_from_a_post_of_another_project_is_refused(world, sign_in):
    other = a_thread(world).posts.get()
    client = sign_in(world.bea)
    response = client.get(reverse("safeguarding:raise") + f"?post={other.pk}")
    assert response.status_code == 404


def test_an_empty_concern_gets_a_message_and_nothing_is_saved(world, sign_in):
    page = sign_in(world.asha).post(reverse("safeguarding:raise"), {"about": "", "what": ""})
    assert b"Tell us what worries you" in page.content
    from copro.safeguarding.models import Concern

    assert not Concern.objects.exists()
