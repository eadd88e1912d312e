"""Backups: the database, the uploaded files and a manifest, together in one folder.

    <folder>/database.sqlite3 or database.pgdump   the database (engines.py)
    <folder>/media.tar                            everything under MEDIA_ROOT
    <folder>/manifest.json                        when, which engine, rows per model, sha256 of each

A restore checks every sha256 before it touches anything, and afterwards compares the rows per
model with the manifest. docs/deploy/README.md describes the routine and a restore drill.
"""

import hashlib
import json
import shutil
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from copro.ops import engines
from copro.ops.engines import BackupError

MANIFEST = "manifest.json"
MEDIA_FILE = "media.tar"
FORMAT = 1


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_folder_default() -> Path:
    stamp = datetime.now(tz=UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path(settings.VAR_DIR) / "backups" / stamp


def backup_create(*, folder: Path) -> dict:
    """Write a backup of the database and the media folder into `folder` (new or empty)."""
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} already has files in it. Choose a new or empty folder.")
    if connection.vendor not in engines.DUMP_FILES:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    # A backup holds personal data and password hashes: readable by the service's user only.
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    taken_at = datetime.now(tz=UTC)
    dump_name = engines.DUMP_FILES[connection.vendor]
    counts = engines.dump(connection, folder / dump_name)
    media_files = _media_pack(Path(settings.MEDIA_ROOT), folder / MEDIA_FILE)
    manifest = {
        "format": FORMAT,
        "taken_at": taken_at.isoformat(),
        "engine": connection.vendor,
        "row_counts": counts,
        "media_files": media_files,
        "sha256": {name: sha256_of(folder / name) for name in (dump_name, MEDIA_FILE)},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    for name in (dump_name, MEDIA_FILE, MANIFEST):
        (folder / name).chmod(0o600)
    return manifest


def backup_verify(*, folder: Path) -> dict:
    """The backup's manifest, once every file in it matches its sha256; BackupError if not."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} has no {MANIFEST}: it is not a backup folder.") from None
    except ValueError:
        raise BackupError(f"{folder / MANIFEST} is damaged: it is not valid JSON.") from None
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("sha256"), dict):
        raise BackupError(f"{folder / MANIFEST} is not a manifest this version can read.")
    problems = []
    for name, expected in sorted(manifest["sha256"].items()):
        path = folder / Path(name).name
        if not path.is_file():
            problems.append(f"{name} is missing.")
        elif sha256_of(path) != expected:
            problems.append(f"{name} does not match its checksum: it is damaged or was changed.")
    if problems:
        raise BackupError("The backup cannot be trusted. " + " ".join(problems))
    return manifest


def backup_restore(*, folder: Path, manifest: dict) -> None:
    """Replace the database and the media folder with the backup's (already verified) copy."""
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database, but this service uses "
            f"{connection.vendor}. Restore it into a {manifest['engine']} database."
        )
    media_root = Path(settings.MEDIA_ROOT)
    staged = _media_stage(folder / MEDIA_FILE, media_root)
    try:
        engines.load(connection, folder / engines.DUMP_FILES[manifest["engine"]])
        _media_swap(staged / "media", media_root)
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def row_counts() -> dict[str, int]:
    """Rows per model in the database the service uses now."""
    present = connection.introspection.table_names()
    with connection.cursor() as cursor:
        return engines.count_rows(cursor, present, connection.ops.quote_name)


def media_file_count() -> int:
    root = Path(settings.MEDIA_ROOT)
    return sum(1 for path in root.rglob("*") if path.is_file()) if root.exists() else 0


def count_differences(expected: dict[str, int], actual: dict[str, int]) -> list[str]:
    """Plain sentences, one for each model whose row count is not what the backup holds."""
    differences = []
    for label in sorted(set(expected) | set(actual)):
        if label not in actual:
            differences.append(f"{label}: in the backup ({expected[label]} rows) but not here.")
        elif label not in expected:
            differences.append(f"{label}: here ({actual[label]} rows) but not in the backup.")
        elif expected[label] != actual[label]:
            differences.append(
                f"{label}: {actual[label]} rows, but the backup has {expected[label]}."
            )
    return differences


# --- The media folder -------------------------------------------------------------------------


def _media_pack(media_root: Path, target: Path) -> int:
    files = 0
    with tarfile.open(target, "w") as tar:
        if media_root.exists():
            tar.add(media_root, arcname="media")
            files = sum(1 for member in tar.getmembers() if member.isfile())
    return files


def _media_stage(tar_path: Path, media_root: Path) -> Path:
    """Unpack the uploads beside the media folder first, so a bad archive changes nothing."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        with tarfile.open(tar_path) as tar:
            # The "data" filter refuses absolute paths, links out of the folder and device files.
            tar.extractall(staged, filter="data")  # noqa: S202
    except (tarfile.TarError, OSError) as error:
        shutil.rmtree(staged, ignore_errors=True)
        raise BackupError(f"The uploads in the backup cannot be unpacked: {error}") from None
    return staged


def _media_swap(restored: Path, media_root: Path) -> None:
    """Empty the media folder (which may be a mount point) and move the restored files in."""
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if restored.exists():
        for child in restored.iterdir():
            child.rename(media_root / child.name)
