"""`copro confirmation_reminders` (daily): ask people to confirm what was recorded about them."""

from django.core.management.base import BaseCommand

from copro.voice import reminders


class Command(BaseCommand):
    help = "Ask people to check records about them, with one reminder and never more."

    def handle(self, *args, **options) -> None:
        result = reminders.run()
        self.stdout.write(f"Asked {result['asked']} people, reminded {result['reminded']}.")
