from django.core.management.base import BaseCommand

from copro.notifications.sending import sweep


class Command(BaseCommand):
    help = (
        "Send every text message and e-mail that is due (retries, the end of quiet hours) and "
        "free any a stopped worker left half-done. Safe to run at any time: nothing is sent twice."
    )

    def handle(self, *args, **options):
        outcomes = sweep()
        summary = ", ".join(f"{name}: {count}" for name, count in sorted(outcomes.items()))
        self.stdout.write(f"Notifications: {summary}.")
