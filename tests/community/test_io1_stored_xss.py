"""IO-1: script in a clinic's topic, a booking's question and a case study's text shows as
text on every page, in emails and in the calendar file; nothing becomes an element."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from copro.community import services
from copro.community.models import ClinicBooking
from tests.community.world import make_case_study, make_published_project, make_slot

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "{{ settings.SECRET_KEY }}",
    "\u202egnp.exe \u200b",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_io1_payloads_are_text_everywhere(
    client, world, sign_in, payload, django_capture_on_commit_callbacks
):
    slot = make_slot(world.ambassador, days=6, topic=f"Topic {payload}")
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.clinic_book(slot=slot, person=world.citizen, question=payload)
    project = make_published_project(world.staff, title=f"Project {payload}")
    case_study = make_case_study(project, world.staff, summary=payload, design=payload)
    pages = []
    sign_in(world.citizen)
    pages += [
        client.get(reverse("community:clinics")),
        client.get(reverse("community:slot", kwargs={"pk": slot.pk})),
        client.get(reverse("community:booking", kwargs={"pk": booking.pk})),
    ]
    sign_in(world.ambassador)
    pages.append(client.get(reverse("community:booking", kwargs={"pk": booking.pk})))
    sign_in(world.staff)
    pages += [
        client.get(reverse("community:case_studies")),
        client.get(reverse("community:case_study", kwargs={"pk": case_study.pk})),
        client.get(reverse("community:compare"), {"ids": [case_study.pk, world.case_study.pk]}),
        client.get(reverse("community:case_study_edit", kwargs={"pk": case_study.pk})),
    ]
    for response in pages:
        assert response.status_code == 200
        body = response.text
        assert "<script>alert" not in body and "<svg onload" not in body
        assert 'href="javascript:' not in body
        assert "test-only-secret-key" not in body
    for message in mail.outbox:
        assert "<script>alert" not in message.alternatives[0][0]
        assert "\n" not in message.subject
        calendar = Calendar.from_ical(message.attachments[0][1])
        (event,) = calendar.walk("VEVENT")
        assert set(event.keys()) <= {
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "LOCATION",
            "DESCRIPTION",
            "URL",
        }
    assert ClinicBooking.objects.get(pk=booking.pk).question == payload.strip()
