"""`copro send_scheduled_reports`: email the reports that are due (run daily)."""

from django.core.management.base import BaseCommand

from copro.reports.schedules import send_scheduled_reports


class Command(BaseCommand):
    help = "Email each scheduled report due for the last full month or quarter. Safe to rerun."

    def handle(self, *args, **options):
        sent = send_scheduled_reports()
        self.stdout.write(f"Scheduled reports sent: {sent}.")
