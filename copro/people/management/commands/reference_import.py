"""`copro reference_import FILE`: replace the reference population with a CSV file (IO-12)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from copro.people.reference import MAX_BYTES, ReferenceImportError, reference_import


class Command(BaseCommand):
    help = (
        "Replace the reference population figures with a CSV file (columns category, group, "
        "percent, base, source; see copro/people/data/README.md). All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the CSV file to import")

    def handle(self, *args, **options):
        path: Path = options["file"]
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        try:
            result = reference_import(data=data)
        except ReferenceImportError as error:
            lines = "\n".join(f"  - {message}" for message in error.messages)
            raise CommandError(f"Nothing was imported. Fix these problems:\n{lines}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {result.figures} reference figures in {result.categories} categories."
            )
        )
