"""Demo people. Passwords are random for each installation and kept in var/, never in the code."""

import secrets

from django.conf import settings

from copro.people.models import User

DEMO_PEOPLE = [
    # email, display name, role, can use the admin pages
    ("sam.staff@demo.example", "Sam (staff)", User.Role.STAFF, False),
    ("asha.citizen@demo.example", "Asha", User.Role.CITIZEN, False),
    ("admin@demo.example", "Ada (administrator)", User.Role.ADMINISTRATOR, True),
]


def _passwords() -> dict[str, str]:
    path = settings.VAR_DIR / "demo-sign-ins.txt"
    known: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            email, _, password = line.partition(" ")
            known[email] = password
    for email, *_ in DEMO_PEOPLE:
        known.setdefault(email, secrets.token_urlsafe(12))
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{email} {pw}\n" for email, pw in known.items()))
    path.chmod(0o600)
    return known


def _demo_authenticator(user: User) -> None:
    """A confirmed authenticator app for a demo account, so that `copro demo_code` can show the
    code it would display. Real accounts set up their own app at first sign-in."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)


def load(*, out) -> None:
    passwords = _passwords()
    for email, name, role, is_staff in DEMO_PEOPLE:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, display_name=name)
        user.role, user.is_staff, user.is_superuser = role, is_staff, is_staff
        user.set_password(passwords[email])
        user.save()
        if user.needs_second_factor:
            _demo_authenticator(user)
    out.write(f"Demo sign-ins ({settings.SITE_URL}/account/sign-in/):")
    labels = ["a member of staff", "a citizen", "an administrator"]
    for label, (email, *_rest) in zip(labels, DEMO_PEOPLE, strict=True):
        out.write(f"  {label + ':':20} {email}  password {passwords[email]}")
    out.write(
        "  Staff and administrators also need a code from an authenticator app: on this demo "
        "copy, `.venv/bin/copro demo_code EMAIL` prints the code for that account."
    )
    load_cast(out=out)
    from copro.people import demo_equality

    demo_equality.load(out=out)


# A realistic mix: people with different needs, times and things to bring. No passwords: they
# take part through staff or by email links; they exist so that pages have something to show.
DEMO_CAST = [
    # email, name, role, takes part as, bring tags, what I bring, needs, formats, slots, groups
    (
        "maggie@demo.example",
        "Maggie",
        "citizen",
        "experience",
        ["lived_experience", "time"],
        "I cared for my husband for eight years and know the respite system well.",
        ["step_free", "regular_breaks"],
        ["large_print"],
        ["0-morning", "2-morning", "3-afternoon"],
        ["advisory-board"],
    ),
    (
        "dev@demo.example",
        "Dev",
        "citizen",
        "experience",
        ["lived_experience", "networks"],
        "I use a wheelchair and run a peer support group in Banbury.",
        ["step_free", "accessible_toilet", "transport"],
        ["standard"],
        ["1-evening", "3-evening", "5-morning"],
        ["ambassadors-network"],
    ),
    (
        "grace@demo.example",
        "Grace",
        "citizen",
        "experience",
        ["lived_experience", "skills"],
        "I am Deaf and a British Sign Language user. I used to teach.",
        ["bsl_interpreter", "captions"],
        ["bsl_video"],
        ["0-afternoon", "1-afternoon", "4-morning"],
        ["advisory-board", "community-of-practice"],
    ),
    (
        "tom@demo.example",
        "Tom",
        "citizen",
        "experience",
        ["lived_experience"],
        "I have a learning disability and live in supported housing.",
        ["support_to_speak", "papers_early", "quiet_space"],
        ["easy_read"],
        ["1-morning", "2-afternoon", "4-afternoon"],
        [],
    ),
    (
        "priya@demo.example",
        "Priya",
        "citizen",
        "both",
        ["knowledge", "networks"],
        "I am a carer for my mum and a community nurse.",
        ["carer"],
        ["standard"],
        ["5-morning", "6-afternoon"],
        ["community-of-practice"],
    ),
    (
        "jo@demo.example",
        "Jo",
        "staff",
        "qualification",
        ["knowledge", "skills"],
        "Adult social care commissioning, and before that ten years as a social worker.",
        [],
        ["standard"],
        ["0-morning", "1-morning", "2-morning", "3-morning", "4-morning"],
        ["staff-team"],
    ),
    (
        "lee@demo.example",
        "Lee",
        "staff",
        "qualification",
        ["knowledge"],
        "Housing and homelessness services.",
        [],
        ["standard"],
        ["0-afternoon", "2-afternoon", "4-afternoon"],
        ["staff-team", "community-of-practice"],
    ),
]


def load_cast(*, out) -> None:
    import datetime

    from copro.framework.models import NetworkGroup
    from copro.people.models import (
        AccessNeed,
        AvailableSlot,
        FormatNeed,
        GroupMembership,
        Profile,
    )

    groups = {g.slug: g for g in NetworkGroup.objects.all()}
    for (
        email,
        name,
        role,
        takes_part_as,
        tags,
        bring,
        needs,
        formats,
        slots,
        group_slugs,
    ) in DEMO_CAST:
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "role": role}
        )
        if created:
            user.set_unusable_password()
            user.save()
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "takes_part_as": takes_part_as,
                "bring_tags": tags,
                "what_i_bring": bring,
                "area_i_work_in": bring.split(",")[0] if role == "staff" else "",
            },
        )
        for need in needs:
            AccessNeed.objects.get_or_create(user=user, need=need)
        for fmt in formats:
            FormatNeed.objects.get_or_create(user=user, format=fmt)
        for slot in slots:
            day, part = slot.split("-")
            AvailableSlot.objects.get_or_create(user=user, weekday=int(day), part_of_day=part)
        for slug in group_slugs:
            if slug in groups:
                GroupMembership.objects.get_or_create(
                    group=groups[slug],
                    user=user,
                    defaults={"joined_on": datetime.date(2025, 9, 1)},
                )
    out.write(f"  {len(DEMO_CAST)} more demo people with profiles, needs and times.")
