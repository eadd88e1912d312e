from django.core.management.base import BaseCommand

from copro.notifications.summaries import send_digests


class Command(BaseCommand):
    help = (
        "Send the daily and weekly summaries that are due. Safe to run again, or twice at once: "
        "each held notification goes into exactly one summary."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"Summaries sent: {sent}.")
