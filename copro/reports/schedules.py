"""Scheduled reports: who may set them up and see them, the writes, and the daily sending.

Sending happens once per schedule per period. The record of a send is stored (and committed)
before anything is emailed, under a unique constraint on (schedule, period): a second run, or
a run at the same moment, cannot store it again and so sends nothing. A send that failed is
tried again the next day; only one run can take it back (a conditional update).
"""

import datetime
import logging
import re

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from copro.people.models import User
from copro.projects.models import Project
from copro.projects.permissions import project_list_visible
from copro.reports.models import ReportSchedule, ReportSend
from copro.reports.periods import Period, Quarter, month_period, quarter_period

log = logging.getLogger("copro.reports")

MAX_RECIPIENTS = 25
SEPARATORS = re.compile(r"[\s,;]+")


# --- Who may do what --------------------------------------------------------------------------


def may_schedule(viewer: User) -> bool:
    """Council staff and administrators."""
    return bool(
        viewer.is_authenticated
        and viewer.is_active
        and viewer.role in (User.Role.STAFF, User.Role.ADMINISTRATOR)
    )


def schedule_check(*, viewer: User, request=None) -> None:
    if not may_schedule(viewer):
        if request is not None:
            request.refused_object_type = "report schedule"
        raise Http404


def schedules_visible(*, viewer: User) -> QuerySet[ReportSchedule]:
    """A person's own schedules; administrators see everyone's."""
    if not may_schedule(viewer):
        return ReportSchedule.objects.none()
    schedules = ReportSchedule.objects.select_related("project", "owner")
    if viewer.role == User.Role.ADMINISTRATOR:
        return schedules
    return schedules.filter(owner=viewer)


def schedule_get_for_viewer(*, viewer: User, pk: int, request=None) -> ReportSchedule:
    schedule = schedules_visible(viewer=viewer).filter(pk=pk).first()
    if schedule is None:
        if request is not None:
            request.refused_object_type = "report schedule"
        raise Http404
    return schedule


def schedulable_projects(*, viewer: User) -> QuerySet[Project]:
    """The projects whose report the person may see, so may send."""
    return project_list_visible(viewer=viewer).order_by("title", "pk")


# --- Writes -----------------------------------------------------------------------------------


def parse_recipients(text: str) -> list[str]:
    """Addresses separated by new lines, commas or spaces; the same address once."""
    addresses: list[str] = []
    seen = set()
    bad = []
    for part in SEPARATORS.split(text or ""):
        part = part.strip()
        if not part:
            continue
        try:
            validate_email(part)
        except ValidationError:
            bad.append(part)
            continue
        if part.lower() not in seen:
            seen.add(part.lower())
            addresses.append(part)
    if bad:
        raise ValidationError(
            "Enter email addresses like name@example.org, one on each line. "
            f"This does not look like one: {bad[0][:60]}"
        )
    if not addresses:
        raise ValidationError("Enter at least one email address")
    if len(addresses) > MAX_RECIPIENTS:
        raise ValidationError(f"Enter {MAX_RECIPIENTS} email addresses or fewer")
    return addresses


def schedule_create(
    *, by: User, project: Project | None, frequency: str, recipients: list[str]
) -> ReportSchedule:
    if not may_schedule(by):
        raise Http404
    if project is not None and not schedulable_projects(viewer=by).filter(pk=project.pk).exists():
        raise Http404
    return ReportSchedule.objects.create(
        owner=by,
        project=project,
        frequency=frequency,
        recipients=recipients,
        created_by=by,
        updated_by=by,
    )


def schedule_update(
    *, schedule: ReportSchedule, by: User, frequency: str, recipients: list[str]
) -> ReportSchedule:
    schedule.frequency = frequency
    schedule.recipients = recipients
    schedule.updated_by = by
    schedule.save(update_fields=["frequency", "recipients", "updated_by", "updated_at"])
    return schedule


def schedule_stop(*, schedule: ReportSchedule, by: User) -> ReportSchedule:
    if schedule.stopped_at is None:
        schedule.stopped_at = timezone.now()
        schedule.updated_by = by
        schedule.save(update_fields=["stopped_at", "updated_by", "updated_at"])
    return schedule


# --- Sending ----------------------------------------------------------------------------------


def last_complete_period(frequency: str, today: datetime.date) -> Period:
    if frequency == ReportSchedule.Frequency.MONTHLY:
        return month_period(today.replace(day=1) - datetime.timedelta(days=1))
    return quarter_period(Quarter.of(today).previous())


def _claim(schedule: ReportSchedule, period: Period) -> ReportSend | None:
    """The send for this period, stored and committed, if this run is the one to send it."""
    now = timezone.now()
    try:
        with transaction.atomic():
            return ReportSend.objects.create(
                schedule=schedule,
                period_start=period.start,
                period_end=period.end,
                period_label=period.label,
                recipients=list(schedule.recipients),
                started_at=now,
            )
    except IntegrityError:
        pass
    taken = ReportSend.objects.filter(
        schedule=schedule, period_start=period.start, status=ReportSend.Status.FAILED
    ).update(
        status=ReportSend.Status.SENDING,
        started_at=now,
        recipients=list(schedule.recipients),
        problem="",
    )
    if not taken:
        return None
    return ReportSend.objects.get(schedule=schedule, period_start=period.start)


def report_pdf(schedule: ReportSchedule, period: Period, today: datetime.date) -> tuple[str, bytes]:
    """The file name and PDF of the report. Raises Http404 when the person who set up the
    schedule may no longer see what it reports on."""
    from copro.reports import permissions as perms
    from copro.reports.dashboard import organisation_dashboard
    from copro.reports.exports import pdf_from_html
    from copro.reports.project_report import project_report

    owner = schedule.owner
    if not may_schedule(owner):
        raise Http404
    if schedule.project_id:
        project = perms.report_project_get(viewer=owner, pk=schedule.project_id)
        report = project_report(project=project, today=today)
        html = render_to_string("reports/project_pdf.html", {"report": report})
        name = f"project-{project.pk}-report-{period.key}.pdf"
    else:
        dashboard = organisation_dashboard(viewer=owner, period=period, today=today)
        html = render_to_string("reports/dashboard_pdf.html", {"dashboard": dashboard})
        name = f"organisation-report-{period.key}.pdf"
    return name, pdf_from_html(html)


def _email(schedule: ReportSchedule, send: ReportSend, name: str, pdf: bytes) -> None:
    context = {"schedule": schedule, "send": send}
    subject = " ".join(f"Report: {schedule.subject_name}, {send.period_label}".split())[:150]
    body = render_to_string("reports/email/scheduled_report.txt", context)
    messages = []
    for address in send.recipients:  # one message each: nobody sees the other addresses
        message = EmailMessage(subject=subject, body=body, to=[address])
        message.attach(name, pdf, "application/pdf")
        messages.append(message)
    get_connection(fail_silently=False).send_messages(messages)


def _finish(send: ReportSend, **fields) -> None:
    ReportSend.objects.filter(pk=send.pk).update(**fields)


def send_one(schedule: ReportSchedule, *, today: datetime.date) -> ReportSend | None:
    """Send this schedule's report for the last complete period, unless it was sent already
    or the period ended before the schedule was set up. Returns the send, or None."""
    period = last_complete_period(schedule.frequency, today)
    if period.end <= timezone.localdate(schedule.created_at):
        return None
    send = _claim(schedule, period)
    if send is None:
        return None
    try:
        name, pdf = report_pdf(schedule, period, today)
    except Http404:
        _finish(
            send,
            status=ReportSend.Status.FAILED,
            problem="The person who set this up can no longer see this report.",
        )
        return send
    try:
        _email(schedule, send, name, pdf)
    except Exception:  # the mail server: record it, try again tomorrow
        log.exception("scheduled report could not be emailed", extra={"schedule": schedule.pk})
        _finish(send, status=ReportSend.Status.FAILED, problem="The email could not be sent.")
        return send
    _finish(send, status=ReportSend.Status.SENT, sent_at=timezone.now(), attachment_name=name)
    return send


def send_scheduled_reports(*, today: datetime.date | None = None) -> int:
    """Send every report that is due. Safe to run more than once a day, or twice at once."""
    today = today or timezone.localdate()
    sent = 0
    schedules = ReportSchedule.objects.filter(stopped_at__isnull=True).select_related(
        "project", "owner"
    )
    for schedule in schedules.order_by("pk"):
        send = send_one(schedule, today=today)
        if send is not None:
            send.refresh_from_db()
            sent += send.status == ReportSend.Status.SENT
    return sent
