"""`copro generate_data --scale N`: synthetic data at N times the demo council, for load tests.

Demo copies only (ALLOW_DEMO_DATA). It loads the demo first (`copro demo`, idempotent), then
adds units 0..N-1 (copro/ops/synthetic.py says what one unit holds). Idempotent: units already
there are skipped, so a larger scale tops up and the same scale again adds nothing.
"""

import io
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from copro.ops import synthetic


class Command(BaseCommand):
    help = "Add synthetic people, projects, meetings and time credits (demo copies only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="How many times the demo council (1 to 1000)."
        )
        parser.add_argument("--seed", type=int, default=2026, help="The same seed, the same data.")

    def handle(self, *args, scale: int, seed: int, **options):
        if not settings.ALLOW_DEMO_DATA:
            raise CommandError(
                "Synthetic data is switched off. Generated accounts must never exist on a real "
                "service. Set ALLOW_DEMO_DATA=1 only on a test or training copy."
            )
        if not 1 <= scale <= 1000:
            raise CommandError("Choose a scale from 1 to 1000.")
        started = time.monotonic()
        call_command("demo", stdout=io.StringIO())
        ctx = synthetic.context()
        added = 0
        for unit in range(scale):
            if synthetic.unit_exists(unit):
                continue
            with transaction.atomic():
                synthetic.make_unit(ctx, unit=unit, seed=seed)
            added += 1
        seconds = time.monotonic() - started
        if not added:
            self.stdout.write(f"Scale {scale} is already there: nothing added.")
            return
        made = ", ".join(f"{n:,} {name}" for name, n in ctx.counts.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {added} unit(s) of synthetic data in {seconds:.1f} s: {made}."
            )
        )
        self.stdout.write(
            f"Every generated person signs in with the password in "
            f"{settings.VAR_DIR / synthetic.SIGN_IN_FILE}."
        )
