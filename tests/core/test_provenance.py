"""Provenance (issue 15): what counts as evidence is the same record by record and in a query."""

import datetime

import pytest

from copro.core.provenance import Confirmation, EntryMethod, counted_q, is_late
from copro.projects.models import Membership
from tests.projects.factories import MembershipFactory

CASES = [
    # entry method, recorded late, confirmation, counts?
    (EntryMethod.SELF, False, Confirmation.NOT_ASKED, True),
    (EntryMethod.ORGANISER, False, Confirmation.NOT_ASKED, True),
    (EntryMethod.ORGANISER, False, Confirmation.CONTESTED, False),
    (EntryMethod.ORGANISER, True, Confirmation.NOT_ASKED, False),
    (EntryMethod.ORGANISER, True, Confirmation.AWAITING, False),
    (EntryMethod.ORGANISER, True, Confirmation.CONFIRMED, True),
    (EntryMethod.PHONE, False, Confirmation.AWAITING, False),
    (EntryMethod.PHONE, False, Confirmation.CONFIRMED, True),
    (EntryMethod.PAPER, True, Confirmation.CONTESTED, False),
    (EntryMethod.IMPORTED, False, Confirmation.NOT_ASKED, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "late", "confirmation", "counts"), CASES)
def test_a_record_counts_only_when_the_person_has_not_contested_it_and_confirmed_what_needs_it(
    method, late, confirmation, counts
):
    membership = MembershipFactory(
        entry_method=method, recorded_late=late, confirmation=confirmation
    )
    assert membership.counts_as_evidence is counts
    in_query = Membership.objects.filter(counted_q(), pk=membership.pk).exists()
    assert in_query is counts


def test_late_means_more_than_the_set_number_of_days_before_entry(settings):
    settings.EVIDENCE_LATE_DAYS = 14
    entered = datetime.datetime(2027, 3, 20, 12, tzinfo=datetime.UTC)
    assert not is_late(about=datetime.date(2027, 3, 6), entered_at=entered)
    assert is_late(about=datetime.date(2027, 3, 5), entered_at=entered)
