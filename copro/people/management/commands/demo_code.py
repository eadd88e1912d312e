"""`copro demo_code EMAIL`: the two-step sign-in code a demo account's authenticator would show.

Only for demo copies (ALLOW_DEMO_DATA) and only for the demo accounts `copro demo` makes, so it
can never help anyone past the second step on a real service.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from copro.people.demo import DEMO_PEOPLE


class Command(BaseCommand):
    help = "Print the current two-step code for a demo account (demo copies only)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        if not settings.ALLOW_DEMO_DATA:
            raise CommandError("Demo data is switched off here, so there are no demo codes.")
        demo_emails = {row[0] for row in DEMO_PEOPLE}
        if email.lower() not in demo_emails:
            raise CommandError("That is not one of the demo accounts.")
        device = (
            TOTPDevice.objects.filter(user__email=email.lower(), confirmed=True)
            .order_by("pk")
            .first()
        )
        if device is None:
            raise CommandError("That account has no authenticator yet: run `copro demo` first.")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        self.stdout.write(f"{code:0{device.digits}d}")
