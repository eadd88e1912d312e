"""Faults that can be made inside the test process, each checked against "nothing lost"
(../shared/TESTING.md): every write the person was told succeeded survives, nothing is
half-saved, the person is told the truth in plain English and the failure is logged.

FLT-1 page level (the service-level sweep is tests/reciprocity/test_flt1_injected_failures.py),
FLT-2/FLT-3 readiness after the database drops its connections, FLT-6 SQLite full, FLT-7 media
storage full, FLT-8 a retried request. FLT-10 (SMTP down) is test_flt10_email.py; the ones
that start processes (FLT-4, FLT-5, FLT-9) are test_flt_processes.py (`make faults`).
"""

import datetime
import errno
import logging

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection
from django.utils import timezone

from copro.core.uploads import STORAGE_FULL_MESSAGE
from copro.reciprocity import services
from copro.reciprocity.models import Expense, Transaction
from tests.people.factories import UserFactory
from tests.reciprocity.conftest import A_PDF

PROBLEM_PAGE = "Sorry, there is a problem with the service"  # 500.html
UNAVAILABLE_PAGE = "Nothing you just sent has been changed"  # 503.html, for database errors


def expense_form(**extra):
    return {
        "kind": "travel",
        "description": "Bus to the meeting and back",
        "amount": "4.80",
        "incurred_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        **extra,
    }


@pytest.fixture
def carla(db, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    person = UserFactory(display_name="Carla")
    client.force_login(person)
    client.raise_request_exception = False  # see what the person sees
    return person


# --- FLT-1: the database fails part-way through a page's write ---------------------------------


class FailWrites:
    """Lets reads through and fails the first INSERT, UPDATE or DELETE."""

    def __call__(self, execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise DatabaseError("injected failure")
        return execute(sql, params, many, context)


def test_flt1_a_database_failure_mid_form_shows_the_problem_page_and_saves_nothing(
    client, carla, caplog
):
    with connection.execute_wrapper(FailWrites()), caplog.at_level(logging.ERROR):
        response = client.post("/thanks/expenses/new/", expense_form())
    assert response.status_code == 503
    assert UNAVAILABLE_PAGE in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert not Expense.objects.exists()
    assert any(r.levelno >= logging.ERROR for r in caplog.records), "the failure was not logged"
    # And the same form works once the database is back.
    assert client.post("/thanks/expenses/new/", expense_form()).status_code == 302
    assert Expense.objects.count() == 1


# --- FLT-7: media storage full -------------------------------------------------------------------


class FullStorage(FileSystemStorage):
    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_flt7_a_full_media_disk_saves_no_row_and_tells_the_person(client, carla, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FullStorage", "OPTIONS": {}},
    }
    receipt = SimpleUploadedFile("bus.pdf", A_PDF)
    response = client.post("/thanks/expenses/new/", expense_form(receipt=receipt))
    assert response.status_code == 200  # the form again, with the message beside the field
    assert STORAGE_FULL_MESSAGE in response.content.decode()
    assert not Expense.objects.exists(), "a row was saved for a receipt that was not kept"
    assert not (settings.MEDIA_ROOT).exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


# --- FLT-6: SQLite disk full ---------------------------------------------------------------------


@pytest.mark.django_db
def test_flt6_sqlite_full_tells_the_person_nothing_changed_and_keeps_earlier_data(
    client, carla, settings
):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL has no page cap (its disk-full is the same code path)")
    client.post("/thanks/expenses/new/", expense_form(description="Before the disk filled"))
    assert Expense.objects.count() == 1
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + 2}")  # room for a few more rows only
    acknowledged, refused = [], []
    try:
        for i in range(400):  # keep writing until the database is full, then a few more times
            description = f"Trip {i} " + "x" * 280
            response = client.post("/thanks/expenses/new/", expense_form(description=description))
            if response.status_code == 302:
                assert not refused, "a write succeeded after the disk was full"
                acknowledged.append(description)
            else:
                assert response.status_code == 503, response.status_code
                assert UNAVAILABLE_PAGE in response.content.decode()
                refused.append(description)
                if len(refused) == 3:
                    break
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA max_page_count = 1073741823")
    assert refused, "the database never filled up: the test proved nothing"
    assert list(Expense.objects.order_by("pk").values_list("description", flat=True)) == [
        "Before the disk filled",
        *acknowledged,
    ]
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        assert cursor.fetchone()[0] == "ok"


# --- FLT-8: the response is lost after the commit; the client retries ---------------------------


@pytest.mark.django_db
def test_flt8_a_retried_request_gets_the_original_result_and_no_duplicate():
    staff = UserFactory(role="staff")
    person = UserFactory()
    first = services.credits_issue(
        person=person, amount=3, idempotency_key="flt8-evening", memo="Evening", by=staff
    )
    # The response never reached the client, which sends the same request again.
    again = services.credits_issue(
        person=person, amount=3, idempotency_key="flt8-evening", memo="Evening", by=staff
    )
    assert again.pk == first.pk and again.replayed is True
    assert Transaction.objects.filter(idempotency_key="flt8-evening").count() == 1
    assert services.person_account(person).balance == 3


# --- FLT-2 / FLT-3: the database drops every connection (PostgreSQL) ----------------------------

KILL_OTHERS = (
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flt2_flt3_after_the_database_drops_connections_readyz_and_pages_recover(client):
    """A restart of PostgreSQL, as far as the app can tell, is every connection ending at once.
    The real server is shared, so it is not restarted: its backends serving this app are
    ended with pg_terminate_backend from a second connection (FLT-3 as simulated)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from django.db import connections

    assert client.get("/readyz").status_code == 200
    killer = connections.create_connection("default")
    try:
        with killer.cursor() as cursor:
            cursor.execute(KILL_OTHERS)
    finally:
        killer.close()
    # The next request may find its connection dead (503 from /readyz, never a traceback);
    # the one after reconnects without a restart.
    client.raise_request_exception = False
    first = client.get("/readyz")
    assert first.status_code in (200, 503)
    if first.status_code == 503:
        assert first.json() == {"status": "unavailable", "database": "unreachable"}
    connection.close_if_unusable_or_obsolete()
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_flt7_a_full_media_disk_refuses_a_meeting_paper_beside_the_field(client, settings):
    from copro.meetings.models import Paper
    from tests.meetings.test_file_papers import upload
    from tests.meetings.world import make_meeting_world

    mworld = make_meeting_world()
    before = Paper.objects.count()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FullStorage", "OPTIONS": {}},
    }
    response = upload(client, mworld, "notes.txt", b"Plain words for everyone.")
    assert response.status_code == 200
    assert STORAGE_FULL_MESSAGE in response.content.decode().replace("&#x27;", "'")
    assert Paper.objects.count() == before
