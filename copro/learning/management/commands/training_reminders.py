"""`copro training_reminders`: remind people of training they booked (run daily or hourly)."""

from django.core.management.base import BaseCommand

from copro.learning.reminders import training_reminders_send


class Command(BaseCommand):
    help = (
        "Email everyone with a place on a training session in the next two days. Each person "
        "gets one reminder per booking, however often this runs."
    )

    def handle(self, *args, **options):
        sent = training_reminders_send()
        self.stdout.write(f"Training reminders sent: {sent}.")
