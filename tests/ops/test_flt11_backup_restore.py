"""FLT-11: a backup can be restored with nothing lost, and a damaged one is refused untouched.

Back up, change the data and the uploads, restore: the row counts are identical to the manifest
and the change is gone. SQLite runs in the normal suite; the PostgreSQL case runs when the suite
runs against PostgreSQL (DATABASE_URL) and skips with a reason otherwise.
"""

import io
import json
import shutil
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from copro.ops.backups import MANIFEST, MEDIA_FILE, row_counts, sha256_of
from copro.ops.engines import DUMP_FILES
from copro.people.models import User
from tests.people.factories import UserFactory

on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite online-backup case (suite runs on PostgreSQL)"
)
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="needs DATABASE_URL pointing at PostgreSQL and pg_dump installed",
)


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "receipts").mkdir(parents=True)
    (root / "receipts" / "taxi.pdf").write_bytes(b"%PDF-1.4 the taxi receipt")
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def backup(media, tmp_path):
    """Two people and one upload, backed up."""
    UserFactory(email="kept.one@example.org")
    UserFactory(email="kept.two@example.org")
    folder = tmp_path / "backup"
    call_command("backup", output=folder, stdout=io.StringIO())
    return folder


def restore(folder, *extra) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("restore", str(folder), *extra, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def change_everything(media) -> None:
    UserFactory(email="added.after@example.org")
    User.objects.filter(email="kept.one@example.org").update(display_name="Changed")
    (media / "receipts" / "taxi.pdf").unlink()
    (media / "late.pdf").write_bytes(b"%PDF-1.4 added after the backup")


def assert_round_trip(backup, media) -> None:
    manifest = json.loads((backup / MANIFEST).read_text())
    change_everything(media)

    code, out, err = restore(backup, "--yes")

    assert code == 0, out + err
    assert row_counts() == manifest["row_counts"]
    assert not User.objects.filter(email="added.after@example.org").exists()
    assert User.objects.get(email="kept.one@example.org").display_name != "Changed"
    assert (media / "receipts" / "taxi.pdf").read_bytes() == b"%PDF-1.4 the taxi receipt"
    assert not (media / "late.pdf").exists()
    assert "people.user: 2 / 2" in out
    assert "Every row count matches the backup" in out


@on_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt11_sqlite_restore_brings_back_the_data_and_the_uploads(backup, media):
    assert sorted(p.name for p in backup.iterdir()) == [
        DUMP_FILES["sqlite"],
        MANIFEST,
        MEDIA_FILE,
    ]
    assert_round_trip(backup, media)


@on_postgres
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt11_postgres_restore_brings_back_the_data_and_the_uploads(backup, media):
    assert (backup / DUMP_FILES["postgresql"]).read_bytes()[:5] == b"PGDMP"  # pg_dump -Fc
    assert_round_trip(backup, media)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt11_manifest_records_engine_counts_and_checksums(backup):
    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["engine"] == connection.vendor
    assert manifest["row_counts"]["people.user"] == 2
    assert manifest["media_files"] == 1
    for name, digest in manifest["sha256"].items():
        assert sha256_of(backup / name) == digest
    # Personal data and password hashes: readable by the service's user only.
    assert backup.stat().st_mode & 0o777 == 0o700
    assert {(backup / name).stat().st_mode & 0o777 for name in manifest["sha256"]} == {0o600}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt11_a_damaged_backup_is_refused_before_anything_is_touched(backup, media):
    dump = backup / DUMP_FILES[connection.vendor]
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    change_everything(media)

    with pytest.raises(CommandError, match="does not match its checksum.*Nothing was changed"):
        restore(backup, "--yes")

    assert User.objects.filter(email="added.after@example.org").exists()
    assert (media / "late.pdf").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt11_an_archive_reaching_outside_the_media_folder_changes_nothing(backup, media):
    with tarfile.open(backup / MEDIA_FILE, "w") as tar:
        escape = tarfile.TarInfo("../outside.txt")
        escape.size = 3
        tar.addfile(escape, io.BytesIO(b"bad"))
    manifest = json.loads((backup / MANIFEST).read_text())
    manifest["sha256"][MEDIA_FILE] = sha256_of(backup / MEDIA_FILE)
    (backup / MANIFEST).write_text(json.dumps(manifest))
    change_everything(media)

    with pytest.raises(CommandError, match="cannot be unpacked"):
        restore(backup, "--yes")

    assert User.objects.filter(email="added.after@example.org").exists()
    assert (media / "late.pdf").exists()
    assert not (media.parent / "outside.txt").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt11_restore_exits_1_when_the_counts_differ_from_the_manifest(backup, media):
    manifest = json.loads((backup / MANIFEST).read_text())
    manifest["row_counts"]["people.user"] += 1  # the manifest says one more than the dump holds
    (backup / MANIFEST).write_text(json.dumps(manifest))

    code, _, err = restore(backup, "--yes")

    assert code == 1
    assert "people.user: 2 rows, but the backup has 3" in err


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt11_restore_refuses_without_yes_when_not_at_a_terminal(backup, media, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    change_everything(media)

    with pytest.raises(CommandError, match="--yes"):
        restore(backup)

    assert User.objects.filter(email="added.after@example.org").exists()


def test_flt11_backup_refuses_a_folder_that_already_has_files(tmp_path):
    (tmp_path / "something").write_text("x")
    with pytest.raises(CommandError, match="already has files"):
        call_command("backup", output=tmp_path)


def test_flt11_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path), "--yes")
