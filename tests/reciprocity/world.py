"""A small reciprocity world for page tests: two citizens with their own credits, claims and
expenses, two staff, an administrator. Built through the services, as the pages would."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from copro.people.models import User
from copro.reciprocity import services
from copro.reciprocity.models import Expense, PaymentClaim, Reward, Transaction
from copro.reciprocity.receipts import check_receipt
from tests.people.factories import UserFactory
from tests.reciprocity.conftest import A_PDF, sign_in


@dataclass
class World:
    citizen: User
    other_citizen: User
    staff: User
    other_staff: User
    admin: User
    credits: Transaction
    claim: PaymentClaim
    other_claim: PaymentClaim
    expense: Expense
    other_expense: Expense
    reward: Reward

    def persona(self, name: str) -> User | None:
        return None if name == "anonymous" else getattr(self, name)

    def sign_in(self, client, name: str):
        user = self.persona(name)
        if user is not None:
            sign_in(client, user)
        return client


def make_world(activities) -> World:
    today = timezone.localdate()
    citizen = UserFactory(display_name="Carla")
    other = UserFactory(display_name="Dmitri")
    staff = UserFactory(display_name="Sam (staff)", role="staff")
    other_staff = UserFactory(display_name="Sol (staff)", role="staff")
    admin = UserFactory(display_name="Ada (administrator)", role="administrator")
    credits = services.credits_issue(
        person=citizen, amount=5, idempotency_key="w:carla", memo="Planning day", by=staff
    )
    services.credits_issue(
        person=other, amount=3, idempotency_key="w:dmitri", memo="Dmitri's day", by=staff
    )

    def claim(person, description):
        made = services.claim_create(
            claimant=person,
            amount_pence=4500,
            description=description,
            activity_on=today - datetime.timedelta(days=3),
            by=staff,
        )
        return services.claim_submit(claim=made, by=staff)

    def expense(person, description):
        return services.expense_claim(
            person=person,
            kind="travel",
            description=description,
            amount_pence=480,
            incurred_on=today - datetime.timedelta(days=2),
            by=person,
            receipt=check_receipt(A_PDF, f"{description}.pdf"),
        )

    reward = services.reward_propose_for_attendance(
        person=citizen,
        project=None,
        activity_type=activities["meeting"],
        minutes=120,
        occurred_on=today - datetime.timedelta(days=1),
        source_key="test.attendance:1",
        by=staff,
    )
    return World(
        citizen=citizen,
        other_citizen=other,
        staff=staff,
        other_staff=other_staff,
        admin=admin,
        credits=credits,
        claim=claim(citizen, "Carla's design day"),
        other_claim=claim(other, "Dmitri's design day"),
        expense=expense(citizen, "Carla's bus fare"),
        other_expense=expense(other, "Dmitri's bus fare"),
        reward=reward,
    )
