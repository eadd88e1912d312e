"""`copro replace_projects`: place every project again after the rules changed."""

from django.core.management.base import BaseCommand
from django.template.defaultfilters import pluralize

from copro.projects.evidence.replacing import projects_replace, replace_projects_task
from copro.projects.evidence.rules import RULES_VERSION


class Command(BaseCommand):
    help = (
        "Work out every project's step again with the current rules (version "
        f"{RULES_VERSION}), so each trend marks where the rules changed. Only projects last "
        "placed by other rules, unless --all. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every project, not only those")
        parser.add_argument(
            "--in-background", action="store_true", help="Queue it as a background task"
        )

    def handle(self, *args, **options):
        if options["in_background"]:
            result = replace_projects_task.enqueue(everything=options["all"])
            self.stdout.write(self.style.SUCCESS(f"Queued as task {result.id}."))
            return
        checked, stored = projects_replace(everything=options["all"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Rules version {RULES_VERSION}: {checked} project{pluralize(checked)} placed "
                f"again, {stored} new placement{pluralize(stored)} stored."
            )
        )
