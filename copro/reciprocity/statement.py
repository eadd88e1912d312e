""" "What you will get": a plain-English promise, made from the rate card and the person's
choice, given before they start. It never says anything about benefits: people are pointed to
independent advice instead, because the rules depend on each person's circumstances."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from copro.reciprocity.models import Rate, ThanksChoice
from copro.reciprocity.money import pounds
from copro.reciprocity.selectors import RateCardLine

BENEFITS_NOTE = (
    "If you get benefits, being paid or getting vouchers could affect them. Before you choose, "
    "you can get free, independent advice from Citizens Advice or a welfare rights adviser. "
    "You can change your choice at any time."
)


def _credits(n: int) -> str:
    return f"{n} time credit{'s' if n != 1 else ''}"


def _money(rate: Rate) -> str:
    per = "for each hour" if rate.pay_basis == Rate.PayBasis.PER_HOUR else "for each session"
    return f"{pounds(rate.pay_pence)} {per}"


def _how_and_when(choice: str) -> str:
    days = settings.RECIPROCITY_PAY_WITHIN_DAYS
    return {
        ThanksChoice.PAYMENT: (
            f"paid into your bank account. We aim to pay within {days} days of the activity."
        ),
        ThanksChoice.VOUCHERS: f"given as a voucher. We aim to send it within {days} days.",
        ThanksChoice.TIME_CREDITS: (
            "added to your time credits once staff confirm you took part, usually within a "
            "week. You can spend them on offers from our partners."
        ),
    }[choice]


@dataclass
class Promise:
    activity: str
    text: str


def promise(*, line: RateCardLine, choice: str | None) -> Promise:
    """One sentence for one activity, for a person who chose `choice` (None: not chosen)."""
    rate = line.current
    name = line.activity.name
    if rate is None:
        return Promise(name, "The council has not set what it gives for this yet.")
    if choice == ThanksChoice.NOTHING:
        text = (
            "You told us you do not want anything back. We will still record your time and "
            "thank you for it."
        )
    elif choice in (ThanksChoice.PAYMENT, ThanksChoice.VOUCHERS):
        if rate.pay_pence == 0:
            text = "There is no payment for this. You can choose time credits instead."
        else:
            kind = "payment" if choice == ThanksChoice.PAYMENT else "a voucher worth"
            text = f"You will get {kind} {_money(rate)}, {_how_and_when(choice)}"
    elif choice == ThanksChoice.TIME_CREDITS:
        if rate.credits_per_hour == 0:
            text = "There are no time credits for this. You can choose payment instead."
        else:
            text = (
                f"You will get {_credits(rate.credits_per_hour)} for each hour, "
                f"{_how_and_when(choice)}"
            )
    else:
        text = (
            f"You can choose payment of {_money(rate)}, "
            f"{_credits(rate.credits_per_hour)} for each hour, vouchers, or nothing. "
            "Tell us what you would like before you start."
        )
    return Promise(name, text)


def promises(*, lines: list[RateCardLine], choice: str | None) -> list[Promise]:
    return [promise(line=line, choice=choice) for line in lines]


def from_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
