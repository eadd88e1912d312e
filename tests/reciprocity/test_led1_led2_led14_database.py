"""What the database itself guarantees, whoever bypasses the services:
LED-1 (balanced at commit on PostgreSQL; reported by ledger-check on SQLite), LED-2 (append-only
on both), LED-14 (reconciliation), LOG-5 (the audit trail is append-only too)."""

import io

import pytest
from django.core.management import call_command
from django.db import DatabaseError, IntegrityError, connection, transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from copro.reciprocity import db_guards, services
from copro.reciprocity.models import Entry, MoneyAudit, Transaction

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no deferred triggers: there ledger-check reports it (TESTING.md decision 8)",
)


@pytest.fixture
def issued(citizen, staff):
    return services.credits_issue(
        person=citizen, amount=5, idempotency_key="i", memo="For the meeting", by=staff
    )


def ledger_check() -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("ledger-check", stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def raw_unbalanced_transaction(account_id: int) -> int:
    """An unbalanced transaction written without the services, as hordak's trigger test does."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO reciprocity_transaction (idempotency_key, payload_hash, kind, memo, "
            "created_at) VALUES ('raw', '', 'transfer', 'bypass', CURRENT_TIMESTAMP)"
        )
        txn_id = Transaction.objects.get(idempotency_key="raw").pk
        cursor.execute(
            "INSERT INTO reciprocity_entry (transaction_id, account_id, amount) VALUES (%s, %s, 7)",
            [txn_id, account_id],
        )
    return txn_id


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_led1_postgres_refuses_an_unbalanced_transaction_at_commit(citizen):
    account = services.person_account(citizen)
    with pytest.raises(IntegrityError, match="does not balance"), transaction.atomic():
        raw_unbalanced_transaction(account.pk)
    assert not Transaction.objects.filter(idempotency_key="raw").exists()


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_led1_postgres_refuses_a_transaction_without_entries_at_commit():
    with pytest.raises(IntegrityError, match="does not balance"), transaction.atomic():
        Transaction.objects.create(idempotency_key="empty", payload_hash="", kind="issue")


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_led1_postgres_accepts_a_balanced_transaction_at_commit(citizen):
    services.credits_issue(person=citizen, amount=3, idempotency_key="ok", memo="", by=None)
    assert Transaction.objects.filter(idempotency_key="ok").exists()


@pytest.mark.django_db
def test_led1_ledger_check_reports_an_unbalanced_transaction_on_any_database(citizen):
    account = services.person_account(citizen)
    # PostgreSQL would refuse it at commit (above); let it in, as SQLite would. The triggers come
    # back when the test's transaction rolls back.
    db_guards.remove(connection)
    txn_id = raw_unbalanced_transaction(account.pk)
    code, report = ledger_check()
    assert code == 1
    assert f"Transaction {txn_id} does not balance: 1 entries summing to +7." in report


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tamper",
    [
        lambda txn: Entry.objects.filter(transaction=txn).update(amount=50),
        lambda txn: Entry.objects.filter(transaction=txn).delete(),
        lambda txn: Transaction.objects.filter(pk=txn.pk).update(memo="changed"),
        lambda txn: Transaction.objects.filter(pk=txn.pk)._raw_delete(connection.alias),
        lambda txn: MoneyAudit.objects.filter(transaction=txn).update(reason="changed"),
        lambda txn: MoneyAudit.objects.filter(transaction=txn)._raw_delete(connection.alias),
    ],
    ids=[
        "update-entries",
        "delete-entries",
        "update-transaction",
        "delete-transaction",
        "update-audit",
        "delete-audit",
    ],
)
def test_led2_log5_history_cannot_be_changed_through_the_orm(issued, tamper):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        tamper(issued)
    assert sorted(issued.entries.values_list("amount", flat=True)) == [-5, 5]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE reciprocity_entry SET amount = amount * 2",
        "DELETE FROM reciprocity_entry",
        "UPDATE reciprocity_transaction SET memo = 'x'",
        "DELETE FROM reciprocity_moneyaudit",
    ],
)
def test_led2_history_cannot_be_changed_with_raw_sql(issued, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert Entry.objects.count() == 2


@pytest.mark.django_db
def test_led2_the_admin_pages_are_read_only(client, issued):
    from tests.people.factories import UserFactory

    superuser = UserFactory(role="administrator", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    device = TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    url = f"/admin/reciprocity/transaction/{issued.pk}/"
    assert client.get(url + "change/").status_code == 200  # it can be read
    assert client.post(url + "change/", {"memo": "changed"}).status_code == 403
    assert client.post(url + "delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/reciprocity/transaction/add/").status_code == 403
    issued.refresh_from_db()
    assert issued.memo == "For the meeting"


@pytest.mark.django_db
def test_led14_ledger_check_passes_on_a_clean_ledger(issued, offer, citizen):
    services.credits_spend(person=citizen, offer=offer, idempotency_key="s", by=citizen)
    code, report = ledger_check()
    assert code == 0
    assert "The ledger is in order." in report


@pytest.mark.django_db
def test_led14_ledger_check_names_a_row_tampered_with_behind_the_triggers(issued, citizen):
    db_guards.remove(connection)  # rolled back with the test's transaction
    entry = issued.entries.get(amount=5)
    Entry.objects.filter(pk=entry.pk).update(amount=9)
    code, report = ledger_check()
    assert code == 1
    assert f"Transaction {issued.pk} does not balance: 2 entries summing to +4." in report
    account = services.person_account(citizen)
    assert (
        f"Account {account.pk} (Credits of Carla) shows a balance of 5 but its entries sum to 9."
        in report
    )
    assert "The ledger needs attention." in report


@pytest.mark.django_db
def test_led14_ledger_check_finds_a_cached_balance_that_drifted(issued, citizen):
    from copro.reciprocity.models import Account

    # The balance column is not append-only, but the CHECK keeps it at 0 or more.
    Account.objects.filter(person=citizen).update(balance=4)
    code, report = ledger_check()
    assert code == 1
    assert "shows a balance of 4 but its entries sum to 5" in report
    assert "All balances together sum to -1, not 0." in report
