"""Reads that pages, commands and other apps share. Each list page runs a fixed number of
queries whatever the amount of data (DESIGN.md)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from copro.people.models import User
from copro.reciprocity.models import (
    Account,
    ActivityType,
    Entry,
    Expense,
    MoneyAudit,
    Offer,
    PaymentClaim,
    Rate,
    Recognition,
    Reward,
    ThanksChoice,
    ThanksPreference,
    Transaction,
)
from copro.reciprocity.money import round_share, tax_year_label, tax_year_of

STATEMENT_PAGE_SIZE = 25


def rate_on(*, activity_type: ActivityType, day: date) -> Rate | None:
    """The rate in force on `day`: the latest one that started on or before it."""
    return (
        Rate.objects.filter(activity_type=activity_type, effective_from__lte=day)
        .order_by("-effective_from")
        .first()
    )


@dataclass
class RateCardLine:
    activity: ActivityType
    current: Rate | None
    upcoming: list[Rate]
    past: list[Rate]


def rate_card(*, day: date | None = None) -> list[RateCardLine]:
    """Every activity with the rate in force on `day`, any later ones, and the history (two
    queries)."""
    day = day or timezone.localdate()
    activities = list(ActivityType.objects.filter(is_active=True))
    by_activity: dict[int, list[Rate]] = {a.pk: [] for a in activities}
    for rate in Rate.objects.filter(activity_type__in=activities).order_by("-effective_from"):
        by_activity[rate.activity_type_id].append(rate)
    lines = []
    for activity in activities:
        rates = by_activity[activity.pk]
        in_force = [r for r in rates if r.effective_from <= day]
        lines.append(
            RateCardLine(
                activity=activity,
                current=in_force[0] if in_force else None,
                upcoming=sorted((r for r in rates if r.effective_from > day), key=_start),
                past=in_force[1:],
            )
        )
    return lines


def _start(rate: Rate) -> date:
    return rate.effective_from


def preference_of(*, person: User) -> ThanksPreference | None:
    return ThanksPreference.objects.filter(person=person).first()


def person_balance(*, person: User) -> int:
    return Account.objects.filter(person=person).values_list("balance", flat=True).first() or 0


def statement_page(*, person: User, page_number) -> Page:
    """A page of `person`'s credit history, newest first (two queries: count and rows)."""
    entries = (
        Entry.objects.filter(account__person=person)
        .select_related("transaction", "transaction__offer")
        .order_by("-pk")
    )
    return Paginator(entries, STATEMENT_PAGE_SIZE).get_page(page_number)


@dataclass
class TaxYear:
    start_year: int
    label: str
    total_pence: int
    over_alert: bool


def tax_year_totals(*, claims: list[PaymentClaim]) -> list[TaxYear]:
    """Money paid to a person in each UK tax year (6 April to 5 April), by the day it was paid.
    Expenses are not in it: refunding costs is not income or reward."""
    totals: dict[int, int] = {}
    for claim in claims:
        if claim.status == PaymentClaim.Status.PAID:
            year = tax_year_of(claim.paid_on)
            totals[year] = totals.get(year, 0) + claim.amount_pence
    alert = settings.RECIPROCITY_TAX_YEAR_ALERT_PENCE
    return [
        TaxYear(year, tax_year_label(year), total, alert > 0 and total >= alert)
        for year, total in sorted(totals.items(), reverse=True)
    ]


def claims_of(*, person: User) -> list[PaymentClaim]:
    return list(
        PaymentClaim.objects.filter(claimant=person)
        .exclude(status=PaymentClaim.Status.DRAFT)
        .select_related("approved_by", "rejected_by")
        .order_by("-activity_on", "-pk")
    )


def my_thanks(*, person: User, page_number=1) -> dict:
    """Everything on a person's "My thanks" page, in a fixed number of queries."""
    claims = claims_of(person=person)
    return {
        "person": person,
        "balance": person_balance(person=person),
        "statement": statement_page(person=person, page_number=page_number),
        "claims": claims,
        "tax_years": tax_year_totals(claims=claims),
        "expenses": list(Expense.objects.filter(person=person).order_by("-incurred_on", "-pk")),
        "recognitions": list(Recognition.objects.filter(person=person).select_related("project")),
        "waiting_rewards": list(
            Reward.objects.filter(person=person, status=Reward.Status.PROPOSED).select_related(
                "activity_type"
            )
        ),
        "audit": list(
            MoneyAudit.objects.filter(person=person)
            .select_related("by")
            .order_by("-at", "-pk")[:20]
        ),
        "preference": preference_of(person=person),
        "alert_pence": settings.RECIPROCITY_TAX_YEAR_ALERT_PENCE,
    }


def offers_available() -> list[Offer]:
    return list(
        Offer.objects.filter(is_active=True, partner__is_active=True).select_related("partner")
    )


# --- Staff lists ------------------------------------------------------------------------------


def claims_waiting(*, today: date | None = None) -> dict:
    """Claims to approve and claims approved but not yet paid, oldest first, each flagged when
    it is older than RECIPROCITY_PAY_WITHIN_DAYS since the activity."""
    today = today or timezone.localdate()
    limit = settings.RECIPROCITY_PAY_WITHIN_DAYS
    rows = list(
        PaymentClaim.objects.filter(
            status__in=[PaymentClaim.Status.SUBMITTED, PaymentClaim.Status.APPROVED]
        )
        .select_related("claimant", "created_by", "approved_by")
        .order_by("activity_on", "pk")
    )
    for claim in rows:
        claim.waiting_days = claim.days_waiting(today)
        claim.is_late = claim.waiting_days > limit
    return {
        "to_approve": [c for c in rows if c.status == PaymentClaim.Status.SUBMITTED],
        "to_pay": [c for c in rows if c.status == PaymentClaim.Status.APPROVED],
        "late_count": sum(1 for c in rows if c.is_late),
        "pay_within_days": limit,
    }


def recently_paid(*, limit: int = 50) -> list[PaymentClaim]:
    return list(
        PaymentClaim.objects.filter(status=PaymentClaim.Status.PAID)
        .select_related("claimant")
        .order_by("-paid_on", "-pk")[:limit]
    )


def rewards_to_confirm() -> list[Reward]:
    return list(
        Reward.objects.filter(status=Reward.Status.PROPOSED)
        .select_related("person", "activity_type", "project")
        .order_by("occurred_on", "pk")
    )


def _given_back() -> Q:
    """A reward gave something back when its credits were paid in (and not reversed), or its
    claim was paid. Expenses never count (FRAMEWORK.md)."""
    credits_kept = Q(credit_transaction__isnull=False) & ~Exists(
        Transaction.objects.filter(reverses=OuterRef("credit_transaction"))
    )
    return credits_kept | Q(claim__status=PaymentClaim.Status.PAID)


def _chose_nothing() -> Q:
    return Q(status=Reward.Status.CONFIRMED, given_as=ThanksChoice.NOTHING)


def nobody_left_out(*, today: date | None = None) -> list[Reward]:
    """Involvement by experts by experience with nothing given back after
    RECIPROCITY_NOBODY_LEFT_OUT_DAYS: still waiting to be confirmed, a claim not paid or
    not approved, or credits taken back. People who asked for nothing are not listed."""
    today = today or timezone.localdate()
    before = today - timedelta(days=settings.RECIPROCITY_NOBODY_LEFT_OUT_DAYS)
    return list(
        Reward.objects.filter(occurred_on__lt=before)
        .exclude(_given_back())
        .exclude(_chose_nothing())
        .select_related("person", "activity_type", "project", "claim")
        .order_by("occurred_on", "pk")
    )


def reciprocity_share(*, project=None, since: date | None = None, until: date | None = None):
    """The evidence signal: of the attendances by experts by experience reported to us, how
    many got something back. Those who asked for nothing are left out of both counts;
    expenses never count. Returns {"attendances", "rewarded", "percent"} (percent None when
    there were none)."""
    rewards = Reward.objects.exclude(_chose_nothing())
    if project is not None:
        rewards = rewards.filter(project=project)
    if since is not None:
        rewards = rewards.filter(occurred_on__gte=since)
    if until is not None:
        rewards = rewards.filter(occurred_on__lte=until)
    attendances = rewards.count()
    rewarded = rewards.filter(_given_back()).count()
    return {
        "attendances": attendances,
        "rewarded": rewarded,
        "percent": round_share(rewarded, attendances),
    }


def people_with_thanks(*, query: str = "") -> QuerySet[User]:
    people = User.objects.filter(role=User.Role.CITIZEN).order_by("display_name", "pk")
    if query:
        people = people.filter(Q(display_name__icontains=query) | Q(email__icontains=query))
    return people


def paid_total(*, person: User) -> int:
    return (
        PaymentClaim.objects.filter(claimant=person, status=PaymentClaim.Status.PAID).aggregate(
            total=Sum("amount_pence")
        )["total"]
        or 0
    )


def claim_audit(*, claim: PaymentClaim) -> list[MoneyAudit]:
    return list(MoneyAudit.objects.filter(claim=claim).select_related("by").order_by("at", "pk"))
