"""`copro clinic_reminders`: remind people of advice clinics in the next day (run hourly or
daily). Safe to rerun: each reminder is sent once."""

from django.core.management.base import BaseCommand

from copro.community.services import clinic_reminders_send


class Command(BaseCommand):
    help = "Email both people of each advice clinic in the next day. Safe to rerun."

    def handle(self, *args, **options):
        sent = clinic_reminders_send()
        self.stdout.write(f"Reminders sent for {sent} clinic{'s' if sent != 1 else ''}.")
