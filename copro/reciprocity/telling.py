"""Telling people they have been paid, through copro.notifications (each by their own routes).
A text says only "you have been paid" (the kind of event); the amount is in the service, the
e-mail and the letter."""

from django.urls import reverse

from copro.notifications import kinds
from copro.notifications.services import notify
from copro.reciprocity.money import pounds


def register_kinds() -> None:
    kinds.register("payment_made", "You have been paid")


def tell_paid(claim) -> None:
    notify(
        recipients=[claim.claimant],
        kind="payment_made",
        event_key=f"claim:{claim.pk}:paid",
        title=f"You have been paid {pounds(claim.amount_pence)}",
        body=f"We paid you on {claim.paid_on:%-d %B %Y}. Thank you for taking part.",
        url=reverse("reciprocity:claim", args=[claim.pk]),
    )
