"""Demo data for the way in: people waiting in the "Get involved" queue, a request to join a
project, and a person who takes part by phone, without email."""

from datetime import timedelta

from django.utils import timezone

from copro.frontdoor import services
from copro.frontdoor.models import GetInvolvedRequest
from copro.people.models import User
from copro.people.models.profile import Profile
from copro.projects.models import JoinRequest, Membership, Project

REQUESTS = [
    # name, contact by, email, phone, what they bring, areas, needs, call back, days ago
    (
        "Rosa",
        "phone",
        "",
        "01632 960 001",
        "I have cared for my mum for six years.",
        "Adult social care, short breaks",
        "Step-free access",
        True,
        12,
    ),
    (
        "Kwame",
        "email",
        "kwame@demo.example",
        "",
        "I use a wheelchair and the buses every day.",
        "Buses and bus stops",
        "",
        False,
        4,
    ),
    (
        "Irene",
        "post",
        "",
        "",
        "I ran the residents' association for 20 years.",
        "Libraries",
        "Large print, please",
        False,
        1,
    ),
]


def _requests() -> None:
    now = timezone.now()
    for name, method, email, phone, brings, areas, needs, call_back, days in REQUESTS:
        GetInvolvedRequest.objects.get_or_create(
            name=name,
            defaults={
                "contact_method": method,
                "email": email,
                "phone": phone,
                "postal_address": "3 Orchard Close, Demo Town" if method == "post" else "",
                "what_i_bring": brings,
                "areas": areas,
                "access_needs": needs,
                "call_back": call_back,
                "received_at": now - timedelta(days=days),
            },
        )


def _person_without_email(sam: User) -> None:
    if Profile.objects.filter(staff_contact=sam, user__display_name="Bill").exists():
        return
    services.person_create_without_email(
        display_name="Bill",
        contact_method=Profile.ContactMethod.PHONE,
        phone="01632 960 002",
        access_needs_other="Bill is partially sighted: phone him, and send papers in large print.",
        consent=True,
        by=sam,
    )


def _join_request(asha: User) -> None:
    project = Project.objects.filter(title="Bus stops everyone can use").first()
    if project is None or JoinRequest.objects.filter(project=project, person=asha).exists():
        return
    if Membership.objects.filter(project=project, user=asha, left_on__isnull=True).exists():
        return
    JoinRequest.objects.create(
        project=project,
        person=asha,
        message="I cannot use the stop on Market Street with my walking frame.",
    )


def load(*, out) -> None:
    sam = User.objects.filter(email="sam.staff@demo.example").first()
    asha = User.objects.filter(email="asha.citizen@demo.example").first()
    if sam is None or asha is None:
        out.write("  Way in: skipped (the demo people are not there).")
        return
    _requests()
    _person_without_email(sam)
    _join_request(asha)
    out.write(
        "  Way in: 3 people asking to get involved, Bill (by phone, no email), "
        "and Asha asking to join a project."
    )
