"""`copro restore PATH [--yes]`: put a backup made by `copro backup` back, then prove it.

Every file is checked against the manifest's sha256 before anything is touched. Afterwards the
rows per model are compared with the manifest and `copro ledger-check` runs; any difference
exits with status 1.
"""

import io
import logging
import sys
from pathlib import Path

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from copro.ops.backups import (
    backup_restore,
    backup_verify,
    count_differences,
    media_file_count,
    row_counts,
)
from copro.ops.engines import BackupError

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with a backup made by `copro backup`, "
        "then check the row counts against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup folder.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask for confirmation (needed when not run from a terminal).",
        )

    def handle(self, *args, **options):
        folder = options["path"]
        try:
            manifest = backup_verify(folder=folder)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        self.stdout.write(f"The backup taken at {manifest['taken_at']} passed its checksums.")
        self._confirm(options["yes"])
        try:
            backup_restore(folder=folder, manifest=manifest)
        except BackupError as error:
            raise CommandError(str(error)) from None
        log.info(
            "backup restored", extra={"event": "backup_restored", "taken_at": manifest["taken_at"]}
        )
        failed = self._report_counts(manifest)
        failed = self._report_ledger() or failed
        if failed:
            raise SystemExit(1)
        self.stdout.write("Restored. Every row count matches the backup.")

    def _confirm(self, yes: bool) -> None:
        if yes:
            return
        if not sys.stdin.isatty():
            raise CommandError(
                "Restoring replaces everything in the database and the media folder. "
                "Run again with --yes to confirm. Nothing was changed."
            )
        answer = input("This replaces everything in the database and the media folder. Type yes: ")
        if answer.strip().lower() != "yes":
            raise CommandError("Not restored. Nothing was changed.")

    def _report_counts(self, manifest: dict) -> bool:
        expected = manifest["row_counts"]
        actual = row_counts()
        self.stdout.write("Rows per model (restored / in the backup):")
        for label in sorted(set(expected) | set(actual)):
            self.stdout.write(f"  {label}: {actual.get(label, '-')} / {expected.get(label, '-')}")
        differences = count_differences(expected, actual)
        files = media_file_count()
        if files != manifest["media_files"]:
            differences.append(
                f"uploaded files: {files}, but the backup has {manifest['media_files']}."
            )
        for line in differences:
            self.stderr.write(f"Difference: {line}")
        return bool(differences)

    def _report_ledger(self) -> bool:
        """Run `copro ledger-check` when the project has it; True when it finds a problem."""
        if "ledger-check" not in get_commands():
            return False
        out = io.StringIO()
        try:
            call_command("ledger-check", stdout=out)
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        self.stdout.write("Ledger check: " + out.getvalue().strip().replace("\n", "\n  "))
        return code not in (0, None)
