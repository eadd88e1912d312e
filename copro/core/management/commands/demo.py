"""`copro demo`: load a realistic demo council. Safe to run again: nothing is duplicated.

Each app that has demo data provides `copro/<app>/demo.py` with `load(*, out) -> None`; this
command runs them in dependency order, inside one transaction.
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_APPS = [
    "copro.framework",
    "copro.people",
    "copro.projects",
    "copro.meetings",
    "copro.reciprocity",
    "copro.learning",
    "copro.community",
    "copro.readiness",
    "copro.frontdoor",
    "copro.voice",
    "copro.conversations",
    "copro.safeguarding",
    "copro.reports",
    "copro.notifications",
]


class Command(BaseCommand):
    help = "Load demo data for a made-up council (only where ALLOW_DEMO_DATA is on)."

    def handle(self, *args, **options):
        if not settings.ALLOW_DEMO_DATA:
            raise CommandError(
                "Demo data is switched off. Demo accounts must never exist on a real service. "
                "Set ALLOW_DEMO_DATA=1 only on a test or training copy."
            )
        with transaction.atomic():
            for name in DEMO_APPS:
                try:
                    module = importlib.import_module(f"{name}.demo")
                except ModuleNotFoundError:
                    continue
                module.load(out=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
