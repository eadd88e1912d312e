"""Demo scheduled reports: Sam (staff) sends the organisation's report every month to two
stakeholders, with two months already sent, and a quarterly report on a published project.
Runs once: a second run finds Sam's schedules and adds nothing."""

import datetime

from django.utils import timezone

from copro.people.models import User
from copro.projects.models import Project
from copro.reports.models import ReportSchedule, ReportSend
from copro.reports.periods import month_period

STAKEHOLDERS = ["cabinet.member@demo.example", "healthwatch@demo.example"]


def load(*, out) -> None:
    sam = User.objects.filter(email="sam.staff@demo.example").first()
    if sam is None:
        out.write("  Reports: skipped (the demo people are not there).")
        return
    if ReportSchedule.objects.filter(owner=sam).exists():
        out.write("  Reports: already loaded.")
        return
    today = timezone.localdate()
    schedule = ReportSchedule.objects.create(
        owner=sam,
        frequency=ReportSchedule.Frequency.MONTHLY,
        recipients=STAKEHOLDERS,
        created_by=sam,
        updated_by=sam,
    )
    this_month = today.replace(day=1)
    months = [
        (this_month - datetime.timedelta(days=1)).replace(day=1),
    ]
    months.insert(0, (months[0] - datetime.timedelta(days=1)).replace(day=1))
    for first_day in months:
        period = month_period(first_day)
        sent_at = timezone.make_aware(datetime.datetime.combine(period.end, datetime.time(7, 0)))
        ReportSend.objects.create(
            schedule=schedule,
            period_start=period.start,
            period_end=period.end,
            period_label=period.label,
            status=ReportSend.Status.SENT,
            recipients=STAKEHOLDERS,
            started_at=sent_at,
            sent_at=sent_at,
            attachment_name=f"organisation-report-{period.key}.pdf",
        )
    # Set up before the first month it reports on.
    ReportSchedule.objects.filter(pk=schedule.pk).update(
        created_at=timezone.make_aware(datetime.datetime.combine(months[0], datetime.time(9)))
    )
    published = Project.objects.filter(visibility=Project.Visibility.PUBLIC).order_by("pk").first()
    if published is not None:
        ReportSchedule.objects.create(
            owner=sam,
            project=published,
            frequency=ReportSchedule.Frequency.QUARTERLY,
            recipients=["parent.carers.forum@demo.example"],
            created_by=sam,
            updated_by=sam,
        )
    out.write("  Reports: a monthly organisation report (two sent) and a quarterly project one.")
