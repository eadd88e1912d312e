"""`copro placements_refresh`: work out every project's step again (for a nightly run)."""

from django.core.management.base import BaseCommand
from django.template.defaultfilters import pluralize

from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Project


class Command(BaseCommand):
    help = (
        "Work out where each project is on the staircase from its record, and store the "
        "placement where the step or the warnings have changed. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--project",
            type=int,
            action="append",
            dest="projects",
            help="Only this project (by number). Give it more than once for several.",
        )

    def handle(self, *args, **options):
        projects = Project.objects.order_by("pk")
        if options["projects"]:
            projects = projects.filter(pk__in=options["projects"])
        checked = changed = 0
        for project in projects.iterator(chunk_size=100):
            checked += 1
            if placement_refresh(project=project) is not None:
                changed += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Placements checked for {checked} project{pluralize(checked)}: {changed} changed, "
                f"{checked - changed} unchanged."
            )
        )
