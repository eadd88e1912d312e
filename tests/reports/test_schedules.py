"""Scheduled reports: setting one up, changing and stopping it (with object-level access:
someone else's schedule is a 404, AZ-1/AZ-7), and sending once per period even when the job runs
twice or twice at once (CONC)."""

import io
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from pypdf import PdfReader

from copro.reports import schedules
from copro.reports.models import ReportSchedule, ReportSend
from tests.people.factories import UserFactory
from tests.reports.conftest import sign_in

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=True):
        yield


def _schedule(owner, project=None, frequency="monthly", recipients=("carol@example.org",)):
    schedule = schedules.schedule_create(
        by=owner, project=project, frequency=frequency, recipients=list(recipients)
    )
    # Set up in October, so November's report is due in December.
    ReportSchedule.objects.filter(pk=schedule.pk).update(
        created_at=datetime(2026, 10, 5, tzinfo=UTC)
    )
    schedule.refresh_from_db()
    return schedule


# --- Pages ------------------------------------------------------------------------------------


def test_staff_set_up_a_schedule_for_the_organisation(client, cast):
    sign_in(client, cast.staff)
    response = client.post(
        reverse("reports:schedule_new"),
        {
            "report": "organisation",
            "frequency": "quarterly",
            "recipients": "a@example.org\nb@example.org, a@example.org",
        },
    )
    schedule = ReportSchedule.objects.get()
    assert response.status_code == 302 and response["Location"] == schedule.get_absolute_url()
    assert schedule.owner == cast.staff and schedule.project is None
    assert schedule.recipients == ["a@example.org", "b@example.org"]
    page = client.get(schedule.get_absolute_url()).content.decode()
    assert "The whole organisation" in page and "Every quarter" in page
    assert "No report has been sent yet" in page


def test_staff_set_up_a_schedule_for_a_published_project(client, cast):
    sign_in(client, cast.staff)
    client.post(
        reverse("reports:schedule_new"),
        {"report": str(cast.published.pk), "frequency": "monthly", "recipients": "a@example.org"},
    )
    assert ReportSchedule.objects.get().project == cast.published


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"report": "organisation", "frequency": "monthly", "recipients": ""},
            "Enter at least one email address",
        ),
        (
            {"report": "organisation", "frequency": "monthly", "recipients": "not-an-address"},
            "Enter email addresses like name@example.org",
        ),
        (
            {"report": "organisation", "frequency": "weekly", "recipients": "a@example.org"},
            "Choose how often to send the report",
        ),
        (
            {"report": "", "frequency": "monthly", "recipients": "a@example.org"},
            "Choose which report to send",
        ),
        (
            {"report": "999999", "frequency": "monthly", "recipients": "a@example.org"},
            "Choose a report from the list",
        ),
    ],
)
def test_form_errors_are_explained(client, cast, data, message):
    sign_in(client, cast.staff)
    response = client.post(reverse("reports:schedule_new"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page and "<title>Error: " in page
    assert not ReportSchedule.objects.exists()


def test_az3_a_project_the_person_may_not_see_cannot_be_chosen(client, cast):
    """The members-only project is not the staff member's: a field error, nothing saved."""
    sign_in(client, cast.staff)
    page = client.get(reverse("reports:schedule_new")).content.decode()
    assert cast.private.title not in page
    response = client.post(
        reverse("reports:schedule_new"),
        {"report": str(cast.private.pk), "frequency": "monthly", "recipients": "a@example.org"},
    )
    assert "Choose a report from the list" in response.content.decode()
    assert not ReportSchedule.objects.exists()


def test_az4_extra_fields_are_ignored(client, cast):
    sign_in(client, cast.staff)
    client.post(
        reverse("reports:schedule_new"),
        {
            "report": "organisation",
            "frequency": "monthly",
            "recipients": "a@example.org",
            "owner": str(cast.administrator.pk),
            "stopped_at": "2020-01-01",
        },
    )
    schedule = ReportSchedule.objects.get()
    assert schedule.owner == cast.staff and schedule.stopped_at is None


def test_change_and_stop_a_schedule(client, cast):
    schedule = _schedule(cast.staff)
    sign_in(client, cast.staff)
    response = client.post(
        reverse("reports:schedule_edit", args=[schedule.pk]),
        {"frequency": "quarterly", "recipients": "new@example.org"},
    )
    assert response.status_code == 302
    schedule.refresh_from_db()
    assert schedule.frequency == "quarterly" and schedule.recipients == ["new@example.org"]
    page = client.get(reverse("reports:schedule_stop", args=[schedule.pk])).content.decode()
    assert "Are you sure you want to stop sending this report?" in page
    client.post(reverse("reports:schedule_stop", args=[schedule.pk]))
    schedule.refresh_from_db()
    assert schedule.stopped_at is not None
    assert "Stopped on 23 November 2026" in client.get(schedule.get_absolute_url()).content.decode()


SCHEDULE_ROUTES = (
    ("reports:schedule", "get"),
    ("reports:schedule_edit", "get"),
    ("reports:schedule_edit", "post"),
    ("reports:schedule_stop", "get"),
    ("reports:schedule_stop", "post"),
)


@pytest.mark.parametrize(("name", "method"), SCHEDULE_ROUTES)
def test_az1_someone_elses_schedule_is_the_same_404_as_a_missing_one(client, cast, name, method):
    other_staff = UserFactory(display_name="Sid (staff)", role="staff")
    theirs = _schedule(other_staff)
    sign_in(client, cast.staff)
    data = {"frequency": "quarterly", "recipients": "mallory@example.org"}
    foreign = getattr(client, method)(reverse(name, args=[theirs.pk]), data)
    missing = getattr(client, method)(reverse(name, args=[theirs.pk + 1000]), data)
    assert foreign.status_code == missing.status_code == 404
    assert "carol@example.org" not in foreign.content.decode()
    theirs.refresh_from_db()
    assert theirs.recipients == ["carol@example.org"] and theirs.stopped_at is None


@pytest.mark.parametrize(("name", "method"), SCHEDULE_ROUTES)
@pytest.mark.parametrize("persona", ["member", "outsider", "board_member"])
def test_az5_people_who_are_not_staff_get_404(client, cast, persona, name, method):
    schedule = _schedule(cast.staff)
    sign_in(client, getattr(cast, persona))
    assert getattr(client, method)(reverse(name, args=[schedule.pk])).status_code == 404
    for listing in ("reports:schedules", "reports:schedule_new"):
        assert client.get(reverse(listing)).status_code == 404


def test_az11_anonymous_asked_to_sign_in(client, cast):
    schedule = _schedule(cast.staff)
    for url in (reverse("reports:schedules"), reverse("reports:schedule", args=[schedule.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/account/sign-in/")


def test_az7_the_list_shows_exactly_the_schedules_the_person_may_see(client, cast):
    mine = _schedule(cast.staff)
    other_staff = UserFactory(display_name="Sid (staff)", role="staff")
    theirs = _schedule(other_staff)
    for persona, expected in (("staff", {mine.pk}), ("administrator", {mine.pk, theirs.pk})):
        user = getattr(cast, persona)
        sign_in(client, user)
        page = client.get(reverse("reports:schedules")).content.decode()
        import re

        listed = {int(pk) for pk in re.findall(r'data-schedule="(\d+)"', page)}
        visible = set(schedules.schedules_visible(viewer=user).values_list("pk", flat=True))
        assert listed == visible == expected


# --- Sending ----------------------------------------------------------------------------------


def test_last_complete_period():
    assert schedules.last_complete_period("monthly", date(2026, 12, 1)).label == "November 2026"
    assert schedules.last_complete_period("monthly", date(2026, 1, 15)).label == "December 2025"
    assert (
        schedules.last_complete_period("quarterly", date(2027, 1, 2)).label
        == "October to December 2026"
    )


def test_sends_the_pdf_once_per_period_even_if_run_twice(cast):
    schedule = _schedule(cast.staff, recipients=["carol@example.org", "dev@example.org"])
    with time_machine.travel(datetime(2026, 12, 1, 7, tzinfo=UTC)):
        assert schedules.send_scheduled_reports() == 1
        assert schedules.send_scheduled_reports() == 0
    assert len(mail.outbox) == 2  # one email each: nobody sees the other address
    assert [m.to for m in mail.outbox] == [["carol@example.org"], ["dev@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Report: The whole organisation, November 2026"
    name, content, mimetype = message.attachments[0]
    assert name == "organisation-report-2026-11.pdf" and mimetype == "application/pdf"
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).split()
    )
    assert "How the projects are doing" in text and "November 2026" in text
    send = ReportSend.objects.get(schedule=schedule)
    assert send.status == "sent" and send.period_label == "November 2026"
    assert send.recipients == ["carol@example.org", "dev@example.org"]


def test_project_report_is_sent_with_the_project_pdf(cast):
    schedule = _schedule(cast.staff, project=cast.published, frequency="quarterly")
    with time_machine.travel(datetime(2027, 1, 2, 7, tzinfo=UTC)):
        assert schedules.send_scheduled_reports() == 1
    name, content, _ = mail.outbox[0].attachments[0]
    assert name == f"project-{cast.published.pk}-report-2026-Q4.pdf"
    text = " ".join(PdfReader(io.BytesIO(content)).pages[0].extract_text().split())
    assert "Warm spaces" in text
    assert schedule.sends.get().period_label == "October to December 2026"


def test_nothing_is_sent_for_a_period_before_the_schedule_or_after_it_stopped(cast):
    schedule = _schedule(cast.staff)
    with time_machine.travel(datetime(2026, 10, 20, tzinfo=UTC)):  # September's report: too early
        assert schedules.send_scheduled_reports() == 0
    schedules.schedule_stop(schedule=schedule, by=cast.staff)
    with time_machine.travel(datetime(2026, 12, 1, tzinfo=UTC)):
        assert schedules.send_scheduled_reports() == 0
    assert mail.outbox == [] and not ReportSend.objects.exists()


def test_a_failed_send_is_recorded_and_tried_again(cast, monkeypatch):
    schedule = _schedule(cast.staff)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    with time_machine.travel(datetime(2026, 12, 1, tzinfo=UTC)):
        monkeypatch.setattr(schedules, "_email", broken)
        assert schedules.send_scheduled_reports() == 0
        send = ReportSend.objects.get(schedule=schedule)
        assert send.status == "failed" and send.problem == "The email could not be sent."
        monkeypatch.undo()
        assert schedules.send_scheduled_reports() == 1
        assert schedules.send_scheduled_reports() == 0
    assert ReportSend.objects.get(schedule=schedule).status == "sent"
    assert len(mail.outbox) == 1


def test_az_a_project_report_is_not_sent_once_its_owner_may_not_see_it(cast):
    """Set up while the project was published; made members-only since."""
    from copro.projects.models import Project

    schedule = _schedule(cast.staff, project=cast.published)
    Project.objects.filter(pk=cast.published.pk).update(visibility=Project.Visibility.MEMBERS)
    with time_machine.travel(datetime(2026, 12, 1, tzinfo=UTC)):
        assert schedules.send_scheduled_reports() == 0
    assert mail.outbox == []
    assert (
        schedule.sends.get().problem == "The person who set this up can no longer see this report."
    )


def test_history_is_shown_on_the_schedule_page(client, cast):
    schedule = _schedule(cast.staff)
    with time_machine.travel(datetime(2026, 12, 1, tzinfo=UTC)):
        schedules.send_scheduled_reports()
    sign_in(client, cast.staff)
    page = client.get(schedule.get_absolute_url()).content.decode()
    assert "November 2026" in page and "Sent" in page


def test_conc_the_database_refuses_a_second_send_for_the_same_period(cast):
    schedule = _schedule(cast.staff)
    fields = {
        "schedule": schedule,
        "period_start": date(2026, 11, 1),
        "period_end": date(2026, 12, 1),
        "started_at": NOW,
    }
    ReportSend.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportSend.objects.create(**fields)


def test_command_sends_the_due_reports(cast):
    from django.core.management import call_command

    _schedule(cast.staff)
    out = io.StringIO()
    with time_machine.travel(datetime(2026, 12, 1, tzinfo=UTC)):
        call_command("send_scheduled_reports", stdout=out)
        call_command("send_scheduled_reports", stdout=out)
    assert out.getvalue() == "Scheduled reports sent: 1.\nScheduled reports sent: 0.\n"
    assert len(mail.outbox) == 1


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_load6_schedule_pages_do_not_grow_with_schedules_or_sends(client, cast):
    sign_in(client, cast.staff)
    first = _schedule(cast.staff)
    list_few = _count_queries(client, reverse("reports:schedules"))
    page_few = _count_queries(client, first.get_absolute_url())
    for n in range(20):
        _schedule(cast.staff, project=cast.published if n % 2 else None)
        ReportSend.objects.create(
            schedule=first,
            period_start=date(2020 + n // 12, n % 12 + 1, 1),
            period_end=date(2020 + n // 12, n % 12 + 1, 28),
            period_label=f"Month {n}",
            started_at=NOW,
        )
    assert _count_queries(client, reverse("reports:schedules")) == list_few
    assert _count_queries(client, first.get_absolute_url()) == page_few
