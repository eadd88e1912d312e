"""Rewards proposed from attendance, and staff confirming or adjusting them."""

from datetime import date

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from copro.people.models import User
from copro.reciprocity import policy
from copro.reciprocity.models import (
    ActivityType,
    MoneyAudit,
    PaymentClaim,
    Rate,
    Reward,
    ThanksChoice,
    ThanksPreference,
)
from copro.reciprocity.money import MAX_PENCE
from copro.reciprocity.selectors import rate_on
from copro.reciprocity.services.ledger import MAX_CREDITS, credits_issue


def reward_amounts(*, pay_basis: str, pay_pence: int, credits_per_hour: int, minutes: int):
    """(pence, credits) for `minutes` at a rate. Whole numbers, rounded half up to the
    nearest penny or credit, with integer arithmetic only (LED-13)."""
    if pay_basis == Rate.PayBasis.PER_SESSION:
        pence = pay_pence
    else:
        pence = (pay_pence * minutes + 30) // 60
    credits = (credits_per_hour * minutes + 30) // 60
    return pence, credits


def _activity(activity_type: ActivityType | str) -> ActivityType:
    if isinstance(activity_type, ActivityType):
        return activity_type
    activity = ActivityType.objects.filter(code=activity_type).first()
    if activity is None:
        raise ValidationError(f"There is no activity called {activity_type!r} on the rate card")
    return activity


def takes_part_as_expert_by_experience(*, person: User, project=None) -> bool:
    """Rewards are for experts by experience. Staff are paid a salary for this work."""
    if person.is_council_staff or not person.is_active:
        return False
    if project is not None:
        from copro.projects.models import Membership

        membership = (
            Membership.objects.filter(project=project, user=person).order_by("-joined_on").first()
        )
        if membership is not None:
            return membership.kind == Membership.Kind.EXPERIENCE
    try:
        return person.profile.is_expert_by_experience
    except ObjectDoesNotExist:  # no profile yet: citizens take part as experts by experience
        return True


def _preference(person: User) -> str:
    return (
        ThanksPreference.objects.filter(person=person).values_list("choice", flat=True).first()
        or ""
    )


@transaction.atomic
def reward_propose_for_attendance(
    *,
    person: User,
    project,
    activity_type: ActivityType | str,
    minutes: int,
    occurred_on: date,
    source_key: str,
    by: User | None,
) -> Reward | None:
    """What the meetings app calls when attendance is recorded or corrected.

    Proposes `person`'s reward from the rate card on `occurred_on` and their preference, once
    per person per `source_key` (for example "meetings.attendance:42"); calling it again
    returns the same proposal (CONC-3), with the minutes corrected while it is still only
    proposed. Returns None for someone who is not taking part as an expert by experience.
    """
    if type(minutes) is not int or minutes <= 0:
        raise ValidationError({"minutes": "Enter how long they took part, in whole minutes"})
    source_key = (source_key or "").strip()
    if not source_key or len(source_key) > 100:
        raise ValidationError("Each attendance needs a reference of 1 to 100 characters")
    if not takes_part_as_expert_by_experience(person=person, project=project):
        return None
    activity = _activity(activity_type)
    existing = Reward.objects.select_for_update().filter(person=person, source_key=source_key)
    if (reward := existing.first()) is not None:
        return _correct_minutes(reward, minutes)
    rate = rate_on(activity_type=activity, day=occurred_on)
    reward = Reward(
        person=person,
        project=project,
        activity_type=activity,
        source_key=source_key,
        occurred_on=occurred_on,
        minutes=minutes,
        rate=rate,
        rate_pay_basis=rate.pay_basis if rate else "",
        rate_pay_pence=rate.pay_pence if rate else 0,
        rate_credits_per_hour=rate.credits_per_hour if rate else 0,
        preference=_preference(person),
        proposed_by=by,
    )
    _fill_proposal(reward)
    try:
        with transaction.atomic():
            reward.save()
    except IntegrityError:  # the same attendance saved twice at once
        return Reward.objects.get(person=person, source_key=source_key)
    return reward


MEETING_ACTIVITY = "meeting"


def rewards_propose_for_meeting_attendance(*, attendances, by: User | None) -> list[Reward]:
    """The hook for the meetings app: after attendance is saved, propose a reward for each
    expert by experience who came (`attendances` are meetings' Attendance rows). Saving the
    same attendance again proposes nothing new (CONC-3). If the rate card has no "meeting"
    activity yet, one is added with no rate, so the person still shows in "Nobody left out"."""
    rows = [
        row
        for row in attendances
        if row.status == "attended" and row.minutes and row.kind == "experience"
    ]
    if not rows:
        return []
    activity, _ = ActivityType.objects.get_or_create(
        code=MEETING_ACTIVITY, defaults={"name": "Attending a meeting", "order": 1}
    )
    proposed = []
    for row in rows:
        reward = reward_propose_for_attendance(
            person=row.user,
            project=row.meeting.project,
            activity_type=activity,
            minutes=row.minutes,
            occurred_on=timezone.localdate(row.meeting.starts_at),
            source_key=f"meetings.attendance:{row.pk}",
            by=by,
        )
        if reward is not None:
            proposed.append(reward)
    return proposed


def _fill_proposal(reward: Reward) -> None:
    """The proposal from the rates copied onto the reward, never from today's rate card."""
    pence, credits = reward_amounts(
        pay_basis=reward.rate_pay_basis,
        pay_pence=reward.rate_pay_pence,
        credits_per_hour=reward.rate_credits_per_hour,
        minutes=reward.minutes,
    )
    reward.proposed_pay_pence, reward.proposed_credits = pence, credits


def _correct_minutes(reward: Reward, minutes: int) -> Reward:
    if reward.status == Reward.Status.PROPOSED and reward.minutes != minutes:
        reward.minutes = minutes
        _fill_proposal(reward)
        reward.save(update_fields=["minutes", "proposed_pay_pence", "proposed_credits"])
    return reward


def _given_amounts(reward: Reward, given_as: str, pay_pence, credits) -> tuple[int, int]:
    if given_as not in ThanksChoice.values:
        raise ValidationError({"given_as": "Choose what they will get"})
    if given_as in (ThanksChoice.PAYMENT, ThanksChoice.VOUCHERS):
        pence = reward.proposed_pay_pence if pay_pence is None else pay_pence
        if type(pence) is not int or not 0 < pence <= MAX_PENCE:
            raise ValidationError({"pay_pence": "Enter an amount of money more than £0"})
        return pence, 0
    if given_as == ThanksChoice.TIME_CREDITS:
        credits = reward.proposed_credits if credits is None else credits
        if type(credits) is not int or not 0 < credits <= MAX_CREDITS:
            raise ValidationError({"credits": "Enter a number of time credits more than 0"})
        return 0, credits
    return 0, 0


def _was_adjusted(reward: Reward, given_as: str, pence: int, credits: int) -> bool:
    asked = reward.preference or given_as
    return (
        given_as != asked
        or (pence and pence != reward.proposed_pay_pence)
        or (credits and credits != reward.proposed_credits)
    )


@transaction.atomic
def reward_confirm(
    *,
    reward: Reward,
    given_as: str,
    by: User,
    pay_pence: int | None = None,
    credits: int | None = None,
    reason: str = "",
) -> Reward:
    """Staff confirm a proposed reward, or change it and say why (LOG-5).

    Time credits go into the person's account at once; a payment or a voucher becomes a claim
    waiting for someone else's approval (AZ-10)."""
    policy.require(by, policy.CONFIRM_REWARDS)
    reward = Reward.objects.select_for_update().select_related("activity_type").get(pk=reward.pk)
    if reward.person_id == by.pk:
        raise PermissionDenied
    if reward.status != Reward.Status.PROPOSED:
        raise ValidationError("This reward has already been confirmed")
    pence, credits = _given_amounts(reward, given_as, pay_pence, credits)
    adjusted = _was_adjusted(reward, given_as, pence, credits)
    reason = (reason or "").strip()
    if adjusted and not reason:
        raise ValidationError(
            {"reason": "Say why this is different from what was proposed or what they asked for"}
        )
    reward.status = Reward.Status.CONFIRMED
    reward.given_as, reward.given_pay_pence, reward.given_credits = given_as, pence, credits
    reward.adjustment_reason = reason if adjusted else ""
    reward.confirmed_by, reward.confirmed_at = by, timezone.now()
    day = reward.occurred_on
    what = f"{reward.activity_type.name} on {day.day} {day:%B %Y}"
    if credits:
        reward.credit_transaction = credits_issue(
            person=reward.person,
            amount=credits,
            idempotency_key=f"reward:{reward.pk}:credits",
            memo=f"For {what[0].lower()}{what[1:]}",
            by=by,
        )
    reward.save()
    MoneyAudit.objects.create(
        by=by,
        person=reward.person,
        action=MoneyAudit.Action.REWARD_ADJUSTED
        if adjusted
        else MoneyAudit.Action.REWARD_CONFIRMED,
        reward=reward,
        transaction=reward.credit_transaction,
        amount_pence=pence or None,
        credits=credits or None,
        reason=reward.adjustment_reason,
    )
    if pence:
        _claim_for_reward(reward, given_as, pence, what, by)
    return reward


def _claim_for_reward(reward: Reward, given_as: str, pence: int, what: str, by: User) -> None:
    from copro.reciprocity.services.claims import claim_create, claim_submit

    method = PaymentClaim.Method.VOUCHER if given_as == ThanksChoice.VOUCHERS else "bank"
    claim = claim_create(
        claimant=reward.person,
        amount_pence=pence,
        description=what,
        activity_on=reward.occurred_on,
        method=method,
        reward=reward,
        by=by,
    )
    claim_submit(claim=claim, by=by)
