"""The issue's rules as the organiser sees them: agenda time and breaks, late papers, the
blocking step-free warning, the spread warning, and the evidence the project gets."""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from copro.meetings import services
from copro.meetings.agenda import check_agenda
from copro.meetings.evidence_signals import access_signal, stages_attended
from copro.meetings.models import Arrangement, Meeting
from copro.people.models import AccessNeed
from copro.projects import services as project_services
from copro.projects.evidence.signals import record_read
from copro.projects.evidence.thresholds import thresholds
from tests.meetings.world import a_paper, a_venue, plan
from tests.people.factories import UserFactory


def items(*minutes, titles=None):
    titles = titles or [f"Item {n}" for n in range(len(minutes))]
    return [SimpleNamespace(title=t, minutes=m) for t, m in zip(titles, minutes, strict=True)]


def test_the_agenda_warns_when_it_needs_more_time_than_the_meeting_has():
    assert check_agenda(items(30, 40), 60).over_by == 10
    assert not check_agenda(items(30, 30), 60).too_long


def test_a_break_is_suggested_only_in_meetings_longer_than_90_minutes():
    assert check_agenda(items(45, 45), 90).break_advice == ""
    advice = check_agenda(items(30, 30, 30, 30), 120).break_advice
    assert "longer than 90 minutes" in advice and "after \u201cItem 1\u201d" in advice
    planned = items(50, 10, 50, titles=["Talk", "Tea break", "More talk"])
    assert check_agenda(planned, 120).break_advice == ""


@pytest.mark.django_db
def test_the_agenda_page_shows_both_warnings(client, mworld):
    meeting = mworld.meeting_a
    services.meeting_update(meeting=meeting, by=mworld.lead_a, duration_minutes=100)
    for title in ("Welcome", "Budget"):
        services.agenda_item_add(
            meeting=meeting, title=title, minutes=60, lead=None, by=mworld.lead_a
        )
    client.force_login(mworld.lead_a)
    body = client.get(f"/meetings/projects/{mworld.project_a.pk}/{meeting.pk}/agenda/")
    text = body.content.decode()
    assert "The agenda needs 2 hours, but the meeting lasts 1 hour 40 minutes" in text
    assert "Plan a break of at least 10 minutes" in text


@pytest.mark.django_db
def test_a_step_free_need_at_a_place_with_steps_blocks(client, mworld):
    steps = a_venue(name="Old Library", features=("hearing_loop",), by=mworld.lead_a)
    services.meeting_update(meeting=mworld.meeting_a, by=mworld.lead_a, venue=steps)
    AccessNeed.objects.create(user=mworld.citizen_a, need="step_free")
    services.arrangements_sync(meeting=mworld.meeting_a)
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/"
    for page in ("", "access/"):
        text = client.get(url + page).content.decode()
        assert "Asha needs step-free access, but Old Library does not have it." in text, page
    assert "Someone cannot get in" in client.get(url).content.decode()
    line = Arrangement.objects.get(invitee=mworld.invitee_a)
    assert line.label == "Step-free access" and line.status == "requested"


@pytest.mark.django_db
def test_a_need_for_this_meeting_only_joins_the_checklist(client, mworld):
    client.force_login(mworld.citizen_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/my-needs/"
    response = client.post(url, {"need": "other", "detail": "A chair with arms"})
    assert response.status_code == 302
    assert Arrangement.objects.filter(invitee=mworld.invitee_a, label="A chair with arms").exists()
    response = client.post(url, {"need": "other", "detail": ""})
    assert "Tell us what you need" in response.content.decode()


@pytest.mark.django_db
def test_the_organiser_moves_a_line_from_requested_to_confirmed(client, mworld):
    AccessNeed.objects.create(user=mworld.citizen_a, need="bsl_interpreter")
    services.arrangements_sync(meeting=mworld.meeting_a)
    line = Arrangement.objects.get(invitee=mworld.invitee_a)
    client.force_login(mworld.lead_a)
    base = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/access/"
    for status in ("booked", "confirmed"):
        assert client.post(f"{base}{line.pk}/", {"status": status}).status_code == 302
        line.refresh_from_db()
        assert line.status == status and line.provided_at is not None


@pytest.mark.django_db
def test_a_paper_sent_late_is_flagged_to_the_organiser(
    client, mworld, django_capture_on_commit_callbacks
):
    meeting = mworld.meeting_a  # a week away: already fewer than 7 days
    services.meeting_update(
        meeting=meeting, by=mworld.lead_a, starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{meeting.pk}/papers/"
    assert "It is already fewer than 7 days before the meeting" in client.get(url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url + "send/")
    text = client.get(url).content.decode()
    assert "Sent late" in text
    assert [m.to for m in mail.outbox] == [[mworld.citizen_a.email]]


@pytest.mark.django_db
def test_the_invitation_email_carries_a_calendar_file_icalendar_can_read(
    mworld, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    person = UserFactory(display_name="Dee", email="dee@example.org")
    project_services.member_add(
        project=mworld.project_a,
        user=person,
        kind="experience",
        role="member",
        joined_on=datetime.date(2026, 11, 1),
        by=mworld.lead_a,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.invitees_add(meeting=mworld.meeting_a, users=[person], by=mworld.lead_a)
    (message,) = [m for m in mail.outbox if m.to == ["dee@example.org"]]
    ((name, content, mimetype),) = message.attachments
    assert name == "meeting.ics" and mimetype.startswith("text/calendar")
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Meeting A"
    assert event.decoded("DTSTART") == mworld.meeting_a.starts_at.replace(microsecond=0)


@pytest.mark.django_db
def test_the_project_meetings_page_warns_when_most_recent_meetings_share_a_band(client, mworld):
    monday_morning = timezone.make_aware(datetime.datetime(2026, 9, 7, 10, 0))
    for week in range(5):
        plan(
            mworld.project_a,
            mworld.lead_a,
            mworld.venue,
            title=f"Monday {week}",
            starts_at=monday_morning + datetime.timedelta(weeks=week),
        )
    client.force_login(mworld.lead_a)
    text = client.get(f"/meetings/projects/{mworld.project_a.pk}/").content.decode()
    assert "5 of the last 5 meetings were on Monday mornings" in text


@pytest.mark.django_db
def test_held_meetings_feed_the_projects_access_signal_and_participation(mworld):
    project, lead = mworld.project_a, mworld.lead_a
    services.meeting_update(
        meeting=mworld.meeting_a, by=lead, starts_at=timezone.now() + datetime.timedelta(days=10)
    )
    assert access_signal(record_read(project=project), thresholds()).value is None
    AccessNeed.objects.create(user=mworld.citizen_a, need="bsl_interpreter")
    services.arrangements_sync(meeting=mworld.meeting_a)
    line = Arrangement.objects.get(invitee=mworld.invitee_a)
    services.arrangement_update(arrangement=line, status="confirmed", note="", by=lead)
    services.papers_send(meeting=mworld.meeting_a, by=lead)  # a week before: in time
    with time_machine.travel(mworld.meeting_a.ends_at + datetime.timedelta(hours=1)):
        services.attendance_record(
            meeting=mworld.meeting_a, entries=[(mworld.invitee_a, "attended", 90)], by=lead
        )
        signal = access_signal(record_read(project=project), thresholds())
        assert signal.value == 1.0 and signal.met is True
        assert "1 of 1 access arrangements were in place before the meeting" in signal.reason
        assert stages_attended(project) == {project.stage}
    # A paper added and sent after the meeting started counts as late.
    late = a_paper(mworld.meeting_a, lead, title="Late")
    with time_machine.travel(mworld.meeting_a.ends_at + datetime.timedelta(hours=2)):
        services.papers_send(meeting=Meeting.objects.get(pk=mworld.meeting_a.pk), by=lead)
        signal = access_signal(record_read(project=project), thresholds())
    assert late.pk and signal.met is False
    assert "1 of 2 papers were sent at least 7 days before" in signal.reason
