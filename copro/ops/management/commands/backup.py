"""`copro backup [--output PATH]`: the database and the uploaded files, with a manifest."""

import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from copro.ops.backups import backup_create, backup_folder_default
from copro.ops.engines import BackupError

ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into one folder, with a manifest of row "
        "counts and checksums. Safe to run while the service is running."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The folder to write; it must be new or empty. Default: var/backups/<time>.",
        )

    def handle(self, *args, **options):
        folder = options["output"] or backup_folder_default()
        try:
            manifest = backup_create(folder=folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["row_counts"].values())
        tables = len(manifest["row_counts"])
        log.info(
            "backup written",
            extra={"event": "backup_written", "engine": manifest["engine"], "rows": rows},
        )
        engine = ENGINE_NAMES.get(manifest["engine"], manifest["engine"])
        files = manifest["media_files"]
        self.stdout.write(
            f"Backed up the {engine} database ({rows} rows in {tables} tables) and "
            f"{files} uploaded {'file' if files == 1 else 'files'} to {folder}"
        )
