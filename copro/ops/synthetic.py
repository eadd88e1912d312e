"""Synthetic data for load tests (LOAD-1..LOAD-6): `copro generate_data --scale N`.

One *unit* is about the size of the demo council: 12 people (2 staff, 10 citizens) with
profiles, needs and times; 4 projects with members, decisions, "you said, we did" and meetings
with invitees and attendance; about 20 ledger transactions; 2 training sessions with bookings.
Scale N makes units 0 .. N-1.

- Deterministic: unit u draws from `random.Random(f"{seed}:{u}")`, so the same seed and scale
  give the same rows (dates are counted from the day it runs, as the demo's are).
- Idempotent, and a top-up: a unit whose first person exists is skipped, so running scale 10
  after scale 1 adds units 1..9 and running the same scale again adds nothing.
- Fast: rows are written with bulk_create, except the ledger, which goes through the
  reciprocity services so that balances and `copro ledger-check` stay right.

Everyone it makes shares one password, random for each installation and kept in
var/generated-sign-ins.txt (like the demo's); staff get a confirmed authenticator so that the
load test can pass the second step. It runs only where ALLOW_DEMO_DATA is on.
"""

import datetime
import random
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from copro.framework.models import NetworkGroup, TrainingLevel
from copro.learning.models import Booking, TrainingSession
from copro.meetings.models import AgendaItem, Attendance, Invitee, Meeting, Venue
from copro.people.models import (
    AccessNeed,
    AvailableSlot,
    FormatNeed,
    GroupMembership,
    Profile,
    User,
)
from copro.projects.models import (
    Contribution,
    Decision,
    Membership,
    Position,
    Project,
    StageChange,
)
from copro.reciprocity import services as ledger
from copro.reciprocity.models import Offer

DOMAIN = "generated.example"
PEOPLE_PER_UNIT = 12
STAFF_PER_UNIT = 2
PROJECTS_PER_UNIT = 4
SIGN_IN_FILE = "generated-sign-ins.txt"

FIRST_NAMES = [
    "Alex", "Bea", "Cal", "Dina", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jas", "Kit", "Lina",
    "Mo", "Nell", "Oren", "Pam", "Quin", "Rosa", "Sol", "Tia", "Uma", "Vic", "Wren", "Yas",
]  # fmt: skip
AREAS = [
    "Adult social care", "Transport", "Libraries", "Housing", "Public health",
    "Children's services", "Parks", "Waste and recycling",
]  # fmt: skip
TOPICS = [
    "Short breaks", "Bus routes", "Opening hours", "Home adaptations", "Day services",
    "Carers' support", "Accessible parks", "Information in easy read", "Transport to hospital",
    "Youth clubs", "Warm spaces", "Digital help",
]  # fmt: skip
IDEAS = [
    "Send the papers a week before the meeting.",
    "Hold some meetings in the evening so people who work can come.",
    "Ask people who use the service, not only their carers.",
    "Put the timetable in large print.",
    "Pay for replacement care while carers come to meetings.",
    "Meet somewhere on a bus route.",
]
NEEDS = [choice for choice, _ in AccessNeed.Need.choices]
FORMATS = [choice for choice, _ in FormatNeed.Format.choices]
PARTS = ["morning", "afternoon", "evening"]
VISIBILITIES = [
    Project.Visibility.PUBLIC,
    Project.Visibility.SIGNED_IN,
    Project.Visibility.MEMBERS,
    Project.Visibility.PUBLIC,
]
STAGES = ["idea", "design", "delivery", "evaluation"]
STANCES = ["agree", "agree", "agree", "disagree", "abstain"]
ANSWERED = [
    ("adopted", "We did it."),
    ("adapted", "We did part of it."),
    ("not_adopted", "The budget for this year is already set."),
    ("considering", "We are looking at this."),
    ("waiting", ""),
]


def email_for(unit: int, k: int) -> str:
    return f"u{unit:04d}.{k:02d}@{DOMAIN}"


def password() -> str:
    """The one password every generated person has, made once per installation."""
    path = settings.VAR_DIR / SIGN_IN_FILE
    if path.exists():
        return path.read_text().strip()
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(16)
    path.write_text(value + "\n")
    path.chmod(0o600)
    return value


@dataclass
class Context:
    """What every unit shares: looked up once per run."""

    password_hash: str
    today: datetime.date
    venues: list
    offers: list
    groups: list
    levels: list
    counts: dict = field(default_factory=dict)

    def add(self, name: str, n: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


def context() -> Context:
    return Context(
        password_hash=make_password(password()),
        today=timezone.localdate(),
        venues=list(Venue.objects.filter(is_active=True).order_by("pk")),
        offers=list(Offer.objects.filter(is_active=True, partner__is_active=True).order_by("pk")),
        groups=list(NetworkGroup.objects.order_by("pk")),
        levels=list(TrainingLevel.objects.order_by("order")),
    )


def unit_exists(unit: int) -> bool:
    return User.objects.filter(email=email_for(unit, 0)).exists()


def make_unit(ctx: Context, *, unit: int, seed: int) -> None:
    """Everything for one unit. Call inside a transaction."""
    rng = random.Random(f"{seed}:{unit}")
    staff, citizens = _people(ctx, rng, unit)
    projects = _projects(ctx, rng, unit, staff, citizens)
    _ledger(ctx, rng, unit, staff, citizens)
    _learning(ctx, rng, staff, citizens)
    from copro.projects.evidence.placement import placement_refresh

    for project in projects:
        placement_refresh(project=project)


# --- People ----------------------------------------------------------------------------------


def _people(ctx: Context, rng: random.Random, unit: int) -> tuple[list[User], list[User]]:
    users = []
    for k in range(PEOPLE_PER_UNIT):
        is_staff = k < STAFF_PER_UNIT
        name = f"{rng.choice(FIRST_NAMES)} {unit + 1}-{k + 1}"
        users.append(
            User(
                email=email_for(unit, k),
                display_name=f"{name} (staff)" if is_staff else name,
                role=User.Role.STAFF if is_staff else User.Role.CITIZEN,
                password=ctx.password_hash,
            )
        )
    users = User.objects.bulk_create(users)
    _profiles(ctx, rng, users)
    _authenticators(rng, users[:STAFF_PER_UNIT])
    ctx.add("people", len(users))
    return users[:STAFF_PER_UNIT], users[STAFF_PER_UNIT:]


def _profiles(ctx: Context, rng: random.Random, users: list[User]) -> None:
    profiles, needs, formats, slots, groups = [], [], [], [], []
    for user in users:
        staff = user.role == User.Role.STAFF
        profiles.append(
            Profile(
                user=user,
                takes_part_as="qualification" if staff else rng.choice(["experience", "both"]),
                bring_tags=rng.sample(["lived_experience", "skills", "knowledge", "time"], 2),
                what_i_bring="I know the services well and want them to work for everyone.",
                area_i_work_in=rng.choice(AREAS) if staff else "",
            )
        )
        needs += [AccessNeed(user=user, need=n) for n in rng.sample(NEEDS, rng.randint(0, 3))]
        formats.append(FormatNeed(user=user, format=rng.choice(FORMATS)))
        for weekday, part in rng.sample([(d, p) for d in range(7) for p in PARTS], 3):
            slots.append(AvailableSlot(user=user, weekday=weekday, part_of_day=part))
        if ctx.groups and rng.random() < 0.3:
            groups.append(
                GroupMembership(
                    user=user, group=rng.choice(ctx.groups), joined_on=ctx.today.replace(day=1)
                )
            )
    Profile.objects.bulk_create(profiles)
    AccessNeed.objects.bulk_create(needs)
    FormatNeed.objects.bulk_create(formats)
    AvailableSlot.objects.bulk_create(slots)
    GroupMembership.objects.bulk_create(groups)


def _authenticators(rng: random.Random, staff: list[User]) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.bulk_create(
        TOTPDevice(
            user=user, name="Load-test authenticator", confirmed=True, key=rng.randbytes(20).hex()
        )
        for user in staff
    )


# --- Projects --------------------------------------------------------------------------------


def _projects(ctx, rng, unit, staff, citizens) -> list[Project]:
    projects = []
    for n in range(PROJECTS_PER_UNIT):
        stage_count = rng.randint(1, len(STAGES))
        projects.append(
            Project(
                title=f"{rng.choice(TOPICS)} ({unit + 1}.{n + 1})",
                summary="People who use the service and council staff are working on it together.",
                service_area=rng.choice(AREAS),
                visibility=VISIBILITIES[n],
                stage=STAGES[stage_count - 1],
                created_by=staff[n % len(staff)],
            )
        )
    projects = Project.objects.bulk_create(projects)
    changes, members = [], {}
    for n, project in enumerate(projects):
        start = ctx.today - datetime.timedelta(days=rng.randint(200, 400))
        for i, stage in enumerate(STAGES[: STAGES.index(project.stage) + 1]):
            changes.append(
                StageChange(
                    project=project, stage=stage, changed_on=start + datetime.timedelta(days=60 * i)
                )
            )
        members[project.pk] = _membership_rows(rng, project, staff, citizens, n, start)
    StageChange.objects.bulk_create(changes)
    Membership.objects.bulk_create([m for rows in members.values() for m in rows])
    ctx.add("projects", len(projects))
    _decisions(ctx, rng, projects, members)
    _contributions(ctx, rng, projects, members)
    _meetings(ctx, rng, projects, members)
    return projects


def _membership_rows(rng, project, staff, citizens, n, start) -> list[Membership]:
    lead, other = staff[n % len(staff)], staff[(n + 1) % len(staff)]
    rows = [
        Membership(project=project, user=lead, kind="qualification", role="lead", joined_on=start),
        Membership(project=project, user=other, kind="qualification", joined_on=start),
    ]
    for person in rng.sample(citizens, rng.randint(4, 6)):
        rows.append(Membership(project=project, user=person, kind="experience", joined_on=start))
    return rows


def _decisions(ctx, rng, projects, members) -> None:
    decisions, voices = [], []
    for project in projects:
        for i in range(3):
            decided = i < 2
            decisions.append(
                Decision(
                    project=project,
                    title=f"Decision {i + 1}: {rng.choice(IDEAS)[:-1]}",
                    proposal=rng.choice(IDEAS),
                    method=rng.choice(["consensus", "consent", "majority"]),
                    stage=project.stage,
                    status="decided" if decided else "open",
                    decided_on=ctx.today - datetime.timedelta(days=rng.randint(10, 150))
                    if decided
                    else None,
                    outcome="Agreed together." if decided else "",
                )
            )
            voices.append(members[project.pk])
    decisions = Decision.objects.bulk_create(decisions)
    positions = []
    for decision, rows in zip(decisions, voices, strict=True):
        for member in rows:
            if rng.random() < 0.8:
                positions.append(
                    Position(
                        decision=decision,
                        user=member.user,
                        stance=rng.choice(STANCES),
                        kind=member.kind,
                        recorded_by=member.user,
                    )
                )
    Position.objects.bulk_create(positions)
    ctx.add("decisions", len(decisions))


def _contributions(ctx, rng, projects, members) -> None:
    tz = timezone.get_current_timezone()
    rows = []
    for project in projects:
        lead = members[project.pk][0].user
        citizens = [m for m in members[project.pk] if m.kind == "experience"]
        for _ in range(3):
            member = rng.choice(citizens)
            status, response = rng.choice(ANSWERED)
            raised = ctx.today - datetime.timedelta(days=rng.randint(20, 200))
            rows.append(
                Contribution(
                    project=project,
                    raised_by=member.user,
                    kind=rng.choice(["idea", "concern", "suggestion"]),
                    text=rng.choice(IDEAS),
                    stage=project.stage,
                    member_kind=member.kind,
                    status=status,
                    response=response,
                    responded_by=lead if response else None,
                    raised_at=datetime.datetime.combine(raised, datetime.time(10), tz),
                    responded_at=datetime.datetime.combine(
                        raised + datetime.timedelta(days=14), datetime.time(10), tz
                    )
                    if response
                    else None,
                )
            )
    Contribution.objects.bulk_create(rows)
    ctx.add("contributions", len(rows))


def _meetings(ctx, rng, projects, members) -> None:
    tz = timezone.get_current_timezone()
    meetings = []
    for project in projects:
        for offset in rng.sample([-90, -60, -30, -10, 7, 21], 4):
            day = ctx.today + datetime.timedelta(days=offset + rng.randint(0, 4))
            online = not ctx.venues or rng.random() < 0.2
            meetings.append(
                Meeting(
                    project=project,
                    title=f"{project.title}: meeting {len(meetings) % 4 + 1}",
                    starts_at=datetime.datetime.combine(
                        day, datetime.time(rng.choice([10, 14, 18])), tz
                    ),
                    duration_minutes=rng.choice([60, 90, 120]),
                    format="online" if online else "in_person",
                    venue=None if online else rng.choice(ctx.venues),
                    online_link="https://meet.example.org/generated" if online else "",
                    purpose=rng.choice([p for p, _ in Meeting.Purpose.choices]),
                )
            )
    meetings = Meeting.objects.bulk_create(meetings)
    _meeting_people(ctx, rng, meetings, members)
    ctx.add("meetings", len(meetings))


def _meeting_people(ctx, rng, meetings, members) -> None:
    agenda, invitees, attendance = [], [], []
    now = timezone.now()
    for meeting in meetings:
        for order, (title, minutes) in enumerate(
            [("Welcome", 10), ("The main discussion", 40), ("What happens next", 10)], 1
        ):
            agenda.append(AgendaItem(meeting=meeting, order=order, title=title, minutes=minutes))
        past = meeting.starts_at < now
        for member in members[meeting.project_id]:
            reply = "yes" if past else rng.choice(["yes", "yes", "maybe", "waiting", "no"])
            invitees.append(
                Invitee(
                    meeting=meeting,
                    user=member.user,
                    kind=member.kind,
                    reply=reply,
                    replied_at=None
                    if reply == "waiting"
                    else meeting.starts_at - datetime.timedelta(days=7),
                    emailed_at=meeting.starts_at - datetime.timedelta(days=14),
                )
            )
            if past:
                came = rng.random() < 0.8
                attendance.append(
                    Attendance(
                        meeting=meeting,
                        user=member.user,
                        kind=member.kind,
                        status="attended" if came else "apologies",
                        minutes=meeting.duration_minutes if came else None,
                        recorded_at=meeting.ends_at,
                    )
                )
    AgendaItem.objects.bulk_create(agenda)
    Invitee.objects.bulk_create(invitees)
    Attendance.objects.bulk_create(attendance)
    ctx.add("invitees", len(invitees))
    ctx.add("attendances", len(attendance))


# --- Time credits, through the services (the ledger's invariants hold) -----------------------


def _ledger(ctx, rng, unit, staff, citizens) -> None:
    by = staff[0]
    transactions = 0
    unspent = []
    for k, person in enumerate(citizens):
        key = f"generated:{unit}:{k}"
        ledger.credits_issue(
            person=person,
            amount=rng.randint(10, 40),
            idempotency_key=f"{key}:issue",
            memo="For taking part in project meetings",
            by=by,
        )
        transactions += 1
        if ctx.offers and rng.random() < 0.5:
            offer = rng.choice(ctx.offers)
            if offer.credits <= 10:
                ledger.credits_spend(
                    person=person, offer=offer, idempotency_key=f"{key}:spend", by=person
                )
                transactions += 1
                continue
        unspent.append(person)
    transactions += _gift_and_correction(rng, unit, by, unspent)
    ctx.add("ledger transactions", transactions)


def _gift_and_correction(rng, unit, by, unspent) -> int:
    """One gift between two people, and one mistaken gift corrected by a reversal."""
    if len(unspent) < 2:
        return 0
    giver, receiver = rng.sample(unspent, 2)
    ledger.credits_transfer(
        source=ledger.person_account(giver),
        destination=ledger.person_account(receiver),
        amount=1,
        idempotency_key=f"generated:{unit}:gift",
        memo="A gift to a friend",
        by=giver,
    )
    mistake = ledger.credits_issue(
        person=receiver,
        amount=2,
        idempotency_key=f"generated:{unit}:mistake",
        memo="Given twice by mistake",
        by=by,
    )
    ledger.transaction_reverse(
        transaction=mistake,
        idempotency_key=f"generated:{unit}:mistake:correction",
        reason="Given twice by mistake",
        by=by,
    )
    return 3


# --- Learning --------------------------------------------------------------------------------


def _learning(ctx, rng, staff, citizens) -> None:
    if not ctx.levels:
        return
    venue = ctx.venues[0] if ctx.venues else None
    sessions = TrainingSession.objects.bulk_create(
        TrainingSession(
            level=ctx.levels[0],
            ambassador=staff[1],
            date=ctx.today + datetime.timedelta(days=days),
            starts_at=datetime.time(10),
            venue=venue,
            online_link="" if venue else "https://meet.example.org/generated-training",
            capacity=8,
            created_by=staff[1],
        )
        for days in (-rng.randint(10, 60), rng.randint(7, 40))
    )
    held, coming = sessions
    bookings = [
        Booking(session=held, person=p, status="booked", attended=True, completed=True)
        for p in rng.sample(citizens, 5)
    ]
    for n, person in enumerate(rng.sample(citizens, 10)):
        status = "booked" if n < coming.capacity else "waiting"
        bookings.append(Booking(session=coming, person=person, status=status))
    Booking.objects.bulk_create(bookings)
    ctx.add("training bookings", len(bookings))
