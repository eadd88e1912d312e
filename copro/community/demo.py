"""Demo clinics and case studies: Dev (an ambassador) gives advice clinics, past and to come,
some booked by Asha and Tom; Jo, who runs two published projects, has written them up. Runs
once: a second run changes nothing."""

import datetime

from django.utils import timezone

from copro.community.models import CaseStudy, ClinicBooking, ClinicSlot
from copro.meetings.models import Venue
from copro.people.models import User
from copro.projects.models import Project

CASE_STUDIES = {
    "Short breaks for carers": {
        "summary": "Carers told us short breaks did not give them a real rest. Carers, the "
        "people they care for and staff redesigned them together.",
        "idea": "Maggie raised it at a carers' group. We invited carers to the very first "
        "meeting, before we had any plan.",
        "design": "Carers and staff wrote the new booking rules together. Every choice was "
        "put to a vote, and each person's vote counted the same.",
        "delivery": "Two carers sit on the group that checks how the breaks run. They changed "
        "the times of the evening breaks.",
        "evaluation": "We asked carers what changed for them, and carers helped decide the "
        "questions.",
        "lessons": "Start with people before you have a plan. Pay people for their time.",
    },
    "Library opening hours": {
        "summary": "New opening hours for the county's libraries.",
        "idea": "Staff started the project and chose the options.",
        "design": "Library users joined later, once the options were set, and told us which "
        "they liked.",
        "delivery": "",
        "evaluation": "",
        "lessons": "We brought people in too late. Next time, invite them at the start.",
    },
}

SLOTS = [
    # days from today, hour, minutes, topic, in person?, booked by
    (-12, 10, 30, "Getting started with co-production", True, "asha.citizen"),
    (-4, 14, 45, "Involving people who are often left out", False, "tom"),
    (2, 11, 30, "Paying people for their time", True, "asha.citizen"),
    (5, 18, 30, "Getting started with co-production", False, None),
    (9, 10, 45, "Making meetings accessible", True, None),
]


def _people() -> dict[str, User]:
    return {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}


def _clinics(people: dict[str, User], venue: Venue | None) -> None:
    dev = people["dev"]
    today = timezone.localdate()
    for days, hour, minutes, topic, in_person, booker in SLOTS:
        in_person = in_person and venue is not None
        slot = ClinicSlot.objects.create(
            host=dev,
            date=today + datetime.timedelta(days=days),
            starts_at=datetime.time(hour, 0),
            duration_minutes=minutes,
            topic=topic,
            venue=venue if in_person else None,
            online_link="" if in_person else "https://meet.example.org/advice-clinic",
            created_by=dev,
        )
        person = people.get(booker or "")
        if person:
            ClinicBooking.objects.create(
                slot=slot,
                person=person,
                question="How do we start when the plan is already written?",
                reminded_at=timezone.now() if days < 0 else None,
                created_by=person,
            )


def _case_studies(people: dict[str, User]) -> int:
    made = 0
    for title, text in CASE_STUDIES.items():
        project = Project.objects.filter(title=title, visibility="public").first()
        if project is None or CaseStudy.objects.filter(project=project).exists():
            continue
        CaseStudy.objects.create(
            project=project,
            status=CaseStudy.Status.PUBLISHED,
            published_at=timezone.now(),
            created_by=people.get("jo"),
            **text,
        )
        made += 1
    return made


def load(*, out) -> None:
    people = _people()
    if "dev" not in people:
        out.write("  Community: skipped (the demo people are not there).")
        return
    loaded = []
    if not ClinicSlot.objects.filter(host=people["dev"]).exists():
        _clinics(people, Venue.objects.filter(is_active=True).first())
        loaded.append("advice clinics and bookings")
    if _case_studies(people):
        loaded.append("case studies")
    out.write(f"  Community: {' and '.join(loaded) or 'already loaded'}.")
