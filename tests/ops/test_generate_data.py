"""`copro generate_data`: the synthetic data behind `make bench` (LOAD-1..LOAD-6).

Scale 1 runs on SQLite (and on PostgreSQL in that pass), leaves the ledger in order, is
idempotent, is the same for the same seed, and refuses on a copy without demo data allowed.
"""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from copro.meetings.models import Attendance, Meeting
from copro.ops import synthetic
from copro.people.models import User
from copro.projects.models import Membership, Project
from copro.reciprocity.models import Account, Transaction
from copro.reciprocity.reconciliation import ledger_check


@pytest.fixture
def demo_copy(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings


def generate(*args) -> str:
    out = io.StringIO()
    call_command("generate_data", *args, stdout=out)
    return out.getvalue()


def ledger_check_exit_code() -> int:
    try:
        call_command("ledger-check", stdout=io.StringIO())
    except SystemExit as exit_:
        return exit_.code
    return 0


@pytest.mark.django_db
def test_load_scale_1_makes_a_demo_sized_council_and_the_ledger_is_in_order(demo_copy):
    generate("--scale", "1")

    generated = User.objects.filter(email__endswith=f"@{synthetic.DOMAIN}")
    assert generated.count() == synthetic.PEOPLE_PER_UNIT
    assert generated.filter(role="staff").count() == synthetic.STAFF_PER_UNIT
    assert not generated.filter(profile__isnull=True).exists()
    projects = Project.objects.filter(memberships__user__in=generated).distinct()
    assert projects.count() == synthetic.PROJECTS_PER_UNIT
    assert Membership.objects.filter(project__in=projects).count() >= 4 * 6
    assert Meeting.objects.filter(project__in=projects).count() == 16
    assert Attendance.objects.filter(meeting__project__in=projects).exists()
    generated_txns = Transaction.objects.filter(idempotency_key__startswith="generated:")
    assert generated_txns.count() >= 10
    assert generated_txns.filter(kind="reversal").count() <= 1
    # Balances come from the services: ledger-check agrees with every cached balance.
    assert ledger_check().clean
    assert ledger_check_exit_code() == 0
    assert not Account.objects.exclude(kind="issuer").filter(balance__lt=0).exists()
    # Everyone generated can sign in with the one password kept beside the database.
    password = (demo_copy.VAR_DIR / synthetic.SIGN_IN_FILE).read_text().strip()
    assert generated.first().check_password(password)


@pytest.mark.django_db
def test_load_running_again_adds_nothing_and_a_larger_scale_tops_up(demo_copy):
    generate("--scale", "1")
    counts = (User.objects.count(), Project.objects.count(), Transaction.objects.count())

    assert "nothing added" in generate("--scale", "1")
    assert (User.objects.count(), Project.objects.count(), Transaction.objects.count()) == counts

    generate("--scale", "2")
    assert User.objects.count() == counts[0] + synthetic.PEOPLE_PER_UNIT
    assert Project.objects.count() == counts[1] + synthetic.PROJECTS_PER_UNIT
    assert ledger_check_exit_code() == 0


def _signature() -> tuple:
    generated = User.objects.filter(email__endswith=f"@{synthetic.DOMAIN}").order_by("email")
    return (
        list(generated.values_list("email", "display_name")),
        sorted(
            Project.objects.filter(memberships__user__in=generated).values_list("title", flat=True)
        ),
        sorted(
            Transaction.objects.filter(idempotency_key__startswith="generated:").values_list(
                "idempotency_key", "entries__amount"
            )
        ),
    )


class _Undo(Exception):
    pass


@pytest.mark.django_db
def test_load_the_same_seed_gives_the_same_data(demo_copy):
    generate("--scale", "1", "--seed", "7")  # the demo and shared rows, kept
    ctx = synthetic.context()
    signatures = []
    for _ in range(2):
        try:
            with transaction.atomic():
                synthetic.make_unit(ctx, unit=5, seed=7)
                signatures.append(_signature())
                raise _Undo
        except _Undo:
            pass
    assert signatures[0] == signatures[1]
    with transaction.atomic():
        synthetic.make_unit(ctx, unit=5, seed=8)
        assert _signature() != signatures[0]


@pytest.mark.django_db
def test_load_refused_where_demo_data_is_off(settings):
    settings.ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="switched off"):
        generate("--scale", "1")
    assert not User.objects.filter(email__endswith=f"@{synthetic.DOMAIN}").exists()
