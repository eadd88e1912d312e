"""Demo reciprocity: a rate card, partners with offers, people's choices, rewards proposed from
the demo meetings' attendance, and a believable history of thanks.

Runs after the meetings demo (it reads their attendance). Everything is done through the
services, as staff would do it: Sam (staff) confirms rewards, Ada (administrator) approves
and pays the claims Sam made - never the person who made a claim (AZ-10). The result:

- time credits in several people's accounts, one spend on an offer and one correction;
- payment claims in every state: draft, waiting for approval, approved, paid, not approved;
- expenses in every state, kept apart from rewards;
- certificates, letters and invitations;
- some rewards still waiting, so "Nobody left out" has something to show.

Loading again changes nothing: the demo partner is the sign that it has been loaded.
"""

import datetime

from django.utils import timezone

from copro.people.models import User
from copro.reciprocity import services
from copro.reciprocity.models import (
    ActivityType,
    Offer,
    Partner,
    Rate,
    Recognition,
    Reward,
    ThanksChoice,
)

RATES_FROM = datetime.date(2024, 4, 6)

# code, name, description, pay basis, pay in pence, credits per hour
ACTIVITIES = [
    ("meeting", "Attending a meeting", "Taking part in a project meeting.", "per_hour", 1500, 1),
    ("preparing", "Preparing for a meeting", "Reading papers, up to an hour.", "per_hour", 1500, 1),
    (
        "leading",
        "Leading a session",
        "Running a workshop or a part of one.",
        "per_session",
        7500,
        3,
    ),
    (
        "training",
        "Training others",
        "Helping to train staff or volunteers.",
        "per_session",
        10000,
        4,
    ),
    ("clinic", "Advice clinic", "Giving advice at an Ambassadors' clinic.", "per_hour", 2000, 1),
]

PARTNERS = {
    "Riverside Leisure Centre": [
        ("A swim", "Any public swimming session.", 1),
        ("A month of gym use", "Off-peak gym sessions for a month.", 8),
    ],
    "Demo Town Picturehouse": [("A cinema ticket", "Any film, any day but Saturday.", 2)],
    "Witney Adult Learning": [("A short course", "A six-week evening course.", 10)],
}

CHOICES = {
    "asha.citizen": ThanksChoice.TIME_CREDITS,
    "maggie": ThanksChoice.PAYMENT,
    "dev": ThanksChoice.NOTHING,
    "grace": ThanksChoice.VOUCHERS,
    "tom": ThanksChoice.PAYMENT,
    "priya": ThanksChoice.TIME_CREDITS,
}


def _people() -> dict[str, User]:
    return {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}


def _rate_card(admin: User | None) -> None:
    for order, (code, name, description, basis, pence, credits) in enumerate(ACTIVITIES, 1):
        activity, _ = ActivityType.objects.get_or_create(
            code=code, defaults={"name": name, "description": description, "order": order}
        )
        Rate.objects.get_or_create(
            activity_type=activity,
            effective_from=RATES_FROM,
            defaults={
                "pay_basis": basis,
                "pay_pence": pence,
                "credits_per_hour": credits,
                "note": "The rates agreed with the Advisory Board",
                "created_by": admin,
            },
        )


def _partners() -> None:
    for name, offers in PARTNERS.items():
        partner, _ = Partner.objects.get_or_create(name=name)
        for title, description, credits in offers:
            Offer.objects.get_or_create(
                partner=partner,
                title=title,
                defaults={"description": description, "credits": credits},
            )


def _rewards_from_attendance(staff: User) -> list[Reward]:
    from copro.meetings.models import Attendance

    rows = (
        Attendance.objects.filter(meeting__starts_at__lt=timezone.now())
        .select_related("meeting__project", "user")
        .order_by("meeting__starts_at", "pk")
    )
    services.rewards_propose_for_meeting_attendance(attendances=list(rows), by=staff)
    return list(Reward.objects.filter(status=Reward.Status.PROPOSED).order_by("occurred_on", "pk"))


def _confirm(rewards: list[Reward], staff: User) -> None:
    """Confirm all but the two most recent rewards, and one older one left waiting."""
    for n, reward in enumerate(rewards[:-2]):
        if n == 1:
            continue  # left waiting: it shows in "Nobody left out"
        if n == 2 and reward.preference in ("", ThanksChoice.PAYMENT):
            services.reward_confirm(
                reward=reward,
                given_as=ThanksChoice.TIME_CREDITS,
                credits=max(reward.proposed_credits, 1),
                reason="They asked for time credits this time, on the phone",
                by=staff,
            )
            continue
        given_as = reward.preference or ThanksChoice.TIME_CREDITS
        reason = "" if reward.preference else "They had not chosen; time credits by default"
        if given_as != ThanksChoice.NOTHING and not (
            reward.proposed_pay_pence and reward.proposed_credits
        ):
            continue  # no rate: left for staff to decide
        services.reward_confirm(reward=reward, given_as=given_as, reason=reason, by=staff)


def _claims(people: dict[str, User], staff: User, admin: User) -> None:
    """Claims in every state. Sam made them, so Ada approves them (AZ-10)."""
    from copro.reciprocity.models import PaymentClaim

    today = timezone.localdate()
    tom, maggie = people["tom"], people["maggie"]
    waiting = list(PaymentClaim.objects.filter(status="submitted").order_by("activity_on", "pk"))
    for claim in waiting[:-1]:
        services.claim_approve(claim=claim, by=admin)
    if waiting[:-1]:
        batch = services.claims_export(by=admin)
        paid = list(batch.claims.order_by("pk"))
        for claim in paid[: max(1, len(paid) - 1)]:
            paid_on = min(today, claim.activity_on + datetime.timedelta(days=9))
            services.claim_mark_paid(claim=claim, paid_on=paid_on, by=admin)
    old = services.claim_create(
        claimant=tom,
        amount_pence=3000,
        description="Reading and commenting on the draft leaflet",
        activity_on=today - datetime.timedelta(days=40),
        by=staff,
    )
    services.claim_submit(claim=old, by=staff)
    services.claim_reject(
        claim=old,
        reason="This was paid already with the meeting on the same day, claim C"
        f"{old.pk - 1:06d} or earlier. Ask Sam if you think this is wrong.",
        by=admin,
    )
    services.claim_create(
        claimant=maggie,
        amount_pence=7500,
        description="Leading the carers' workshop",
        activity_on=today - datetime.timedelta(days=3),
        by=staff,
    )  # a draft Sam has not sent yet
    late = services.claim_create(
        claimant=maggie,
        amount_pence=4500,
        description="Three hours at the design day",
        activity_on=today - datetime.timedelta(days=20),
        by=staff,
    )
    services.claim_submit(claim=late, by=staff)  # waiting, and older than 14 days


def _expenses(people: dict[str, User], staff: User, admin: User) -> None:
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    rows = [
        ("maggie", "travel", "Bus from Banbury to County Hall and back", 640, 25, "paid"),
        (
            "asha.citizen",
            "care_cover",
            "A sitter for my son during the meeting",
            3000,
            12,
            "approved",
        ),
        ("grace", "travel", "Taxi: the lift at the station was broken", 1850, 6, "submitted"),
        ("tom", "other", "Printing the papers at the library", 120, 30, "rejected"),
    ]
    for who, kind, description, pence, days_ago, end in rows:
        expense = services.expense_claim(
            person=people[who],
            kind=kind,
            description=description,
            amount_pence=pence,
            incurred_on=today - days_ago * day,
            by=people[who],
        )
        if end == "submitted":
            continue
        reason = (
            "We send the papers printed on request: ask Sam next time" if end == "rejected" else ""
        )
        services.expense_decide(expense=expense, approve=end != "rejected", reason=reason, by=staff)
        if end == "paid":
            services.expense_mark_paid(expense=expense, paid_on=today - 5 * day, by=admin)


def _credits(people: dict[str, User], staff: User, admin: User) -> None:
    asha, priya = people["asha.citizen"], people["priya"]
    services.credits_issue(
        person=asha,
        amount=6,
        idempotency_key="demo:asha:welcome",
        memo="For helping to plan the carers' project",
        by=staff,
    )
    mistake = services.credits_issue(
        person=priya,
        amount=4,
        idempotency_key="demo:priya:mistake",
        memo="For the advice clinic",
        by=staff,
    )
    services.transaction_reverse(
        transaction=mistake,
        idempotency_key="demo:priya:mistake:correction",
        reason="Given twice by mistake: the clinic was already thanked",
        by=admin,
    )
    swim = Offer.objects.get(title="A swim")
    services.credits_spend(person=asha, offer=swim, idempotency_key="demo:asha:swim", by=asha)


def _recognition(people: dict[str, User], staff: User) -> None:
    today = timezone.localdate()
    rows = [
        ("maggie", "certificate", "Certificate for two years on the Advisory Board", 60),
        (
            "asha.citizen",
            "thank_you_letter",
            "Thank-you letter from the Director of Adult Care",
            20,
        ),
        ("grace", "invitation", "Invitation to the Co-production Week celebration", 10),
        ("dev", "training_place", "Place on the Level 2 co-production course", 5),
    ]
    for who, kind, title, days_ago in rows:
        if who in people:
            services.recognition_record(
                person=people[who],
                kind=kind,
                title=title,
                description="",
                given_on=today - datetime.timedelta(days=days_ago),
                by=staff,
            )


def load(*, out) -> None:
    people = _people()
    staff, admin = people.get("sam.staff"), people.get("admin")
    if staff is None or admin is None:
        out.write("  Reciprocity: skipped (the demo people are not there).")
        return
    _rate_card(admin)
    if Recognition.objects.filter(created_by=staff).exists():
        out.write("  Reciprocity: already loaded.")
        return
    _partners()
    for who, choice in CHOICES.items():
        if who in people:
            services.preference_set(person=people[who], choice=choice, by=people[who])
    _confirm(_rewards_from_attendance(staff), staff)
    _claims(people, staff, admin)
    _expenses(people, staff, admin)
    _credits(people, staff, admin)
    _recognition(people, staff)
    out.write(
        f"  Reciprocity: {Reward.objects.count()} rewards from attendance, claims in every "
        "state, expenses, time credits and recognition."
    )
    from copro.reciprocity import demo_evidence

    demo_evidence.load(out=out, people=people)
