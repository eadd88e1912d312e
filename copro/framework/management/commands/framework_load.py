"""`copro framework_load`: load the guidance content from framework.toml into the database."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from copro.framework.services import CONTENT_PATH, framework_load


class Command(BaseCommand):
    help = (
        "Create or update the co-production guidance (Learn pages, principles, staircase, "
        "glossary and the rest) from the content file. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=CONTENT_PATH,
            help=f"The content file to load (default: {CONTENT_PATH}).",
        )

    def handle(self, *args, **options):
        try:
            counts = framework_load(path=options["file"])
        except ValidationError as error:
            raise CommandError("Nothing was loaded. " + " ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Guidance loaded: {counts['created']} created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged."
            )
        )
        if counts["not_in_file"]:
            self.stdout.write(
                self.style.WARNING(
                    f"{counts['not_in_file']} rows in the database are no longer in the file. "
                    "They were left alone, because other records may point at them. "
                    "An administrator can remove them."
                )
            )
