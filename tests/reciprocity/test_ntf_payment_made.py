"""NTF-1 for reciprocity: a claim marked paid tells the person once, by their routes; a text says
only that they were paid, never the amount."""

import pytest
from django.utils import timezone

from copro.notifications.models import LocalTextMessage, Notification
from copro.people.models import Profile
from copro.reciprocity import services
from tests.reciprocity.world import make_world


@pytest.fixture
def world(db, activities):
    return make_world(activities)


def test_ntf1_a_payment_tells_the_claimant_once_and_a_text_has_no_amount(world):
    Profile.objects.update_or_create(
        user=world.citizen, defaults={"contact_method": "text", "phone": "07700 900982"}
    )
    services.claim_approve(claim=world.claim, by=world.admin)
    services.claims_export(by=world.admin)
    services.claim_mark_paid(claim=world.claim, paid_on=timezone.localdate(), by=world.admin)
    (paid,) = Notification.objects.filter(kind="payment_made")
    assert paid.recipient == world.citizen and "£" in paid.title
    (text,) = LocalTextMessage.objects.filter(delivery__notification=paid)
    assert "£" not in text.content and "you have been paid" in text.content
