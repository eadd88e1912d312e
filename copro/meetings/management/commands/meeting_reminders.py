from django.core.management.base import BaseCommand

from copro.meetings.telling import tell_tomorrow


class Command(BaseCommand):
    help = (
        "Remind everyone coming to a meeting tomorrow, by the way they asked to be contacted. "
        "Each person is reminded once, however often this runs."
    )

    def handle(self, *args, **options):
        told = tell_tomorrow()
        self.stdout.write(f"Meeting reminders: {told}.")
