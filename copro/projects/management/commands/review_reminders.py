"""`copro review_reminders`: remind project members of decisions due for review (run daily)."""

from django.core.management.base import BaseCommand

from copro.projects.reminders import review_reminders_send


class Command(BaseCommand):
    help = "Email the members of each project whose decisions are due for review. Safe to rerun."

    def handle(self, *args, **options):
        sent = review_reminders_send()
        self.stdout.write(f"Reminders sent for {sent} decision{'s' if sent != 1 else ''}.")
