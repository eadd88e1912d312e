"""PRIV-9 subject access export and PRIV-10 erasure, with canaries in every personal field."""

import json

import pytest
from django.apps import apps
from django.db import connection, models

from copro.people import services, your_data
from copro.people.models import (
    AccessNeed,
    AssistedEntry,
    AvailableSlot,
    FormatNeed,
    Profile,
    UnavailableDate,
    User,
)

AUDIT_FIELDS = {"created_by", "updated_by"}


def test_priv9_every_model_that_points_at_a_person_is_exported_or_exempt():
    handled = set(your_data.registered()) | set(your_data.exemptions())
    missing = []
    for model in apps.get_models():
        person_fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.ForeignKey | models.OneToOneField)
            and f.related_model is User
            and f.name not in AUDIT_FIELDS  # who edited a row; the person row is anonymised
        ]
        if (person_fields or model is User) and model not in handled:
            missing.append(model._meta.label)
    assert missing == []


def fill_with_canaries(person: User, canary: str, by: User | None = None) -> None:
    by = by or person
    services.profile_update(
        person=person,
        by=by,
        display_name=f"Name {canary}",
        pronouns=f"p{canary}"[:40],
        takes_part_as="experience",
        area_i_work_in=f"Area {canary}",
        bring_tags=["time"],
        what_i_bring=f"I bring {canary}",
        share_pronouns=True,
        share_area_i_work_in=True,
        share_what_i_bring=True,
    )
    services.communication_update(
        person=person,
        by=by,
        contact_method="post",
        phone="",
        postal_address=f"1 {canary} Street",
        formats=["large_print"],
        needs=["hearing_loop"],
        access_needs_other=f"Needs {canary}",
    )
    # A canary is not a valid phone number (the service refuses it), so it is written directly.
    Profile.objects.filter(user=person).update(phone=f"0{canary}"[:30])
    services.availability_update(person=person, by=by, slots={(0, "morning")})
    UnavailableDate.objects.create(user=person, date="2030-01-02")
    AssistedEntry.objects.create(person=person, entered_by=by, summary=f"Changed {canary}")


@pytest.mark.django_db
def test_priv9_the_export_has_all_of_mine_and_none_of_theirs(client, citizen_a, citizen_b):
    fill_with_canaries(citizen_a, "CANARYAAA")
    fill_with_canaries(citizen_b, "CANARYBBB")
    client.force_login(citizen_a)
    response = client.get("/account/your-data/download/")
    assert response["Content-Disposition"].startswith("attachment")
    text = response.content.decode()
    data = json.loads(text)
    assert text.count("CANARYAAA") >= 6
    assert "CANARYBBB" not in text and citizen_b.email not in text
    for key in ("purposes", "who_sees_it", "how_long_we_keep_it", "your_rights"):
        assert data["about_this_export"][key]
    page = client.get("/account/your-data/").content.decode()
    assert "CANARYAAA" in page and "CANARYBBB" not in page
    assert "Your rights" in page


def all_text_in_database() -> str:
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from introspection)
            for row in cursor.fetchall():
                chunks.extend(str(value) for value in row if value is not None)
    return "\n".join(chunks)


@pytest.mark.django_db
def test_priv10_erasing_removes_every_canary_and_ends_sign_in(client, citizen_a, password):
    fill_with_canaries(citizen_a, "CANARYZZZ")
    email = citizen_a.email
    client.post("/account/sign-in/", {"username": email, "password": password})
    assert "CANARYZZZ" in all_text_in_database()
    response = client.post("/account/delete/", {"confirm": "on"})
    assert "Your account has been deleted" in response.content.decode()
    assert "CANARYZZZ" not in all_text_in_database()
    assert email not in all_text_in_database()
    placeholder = User.objects.get(pk=citizen_a.pk)  # still there for records others need
    assert placeholder.display_name == "Former member" and not placeholder.is_active
    assert not placeholder.has_usable_password()
    for model in (Profile, AccessNeed, FormatNeed, AvailableSlot, UnavailableDate):
        assert not model.objects.filter(**{"user": placeholder}).exists()
    assert client.get("/api/v1/me").status_code == 401
    again = client.post("/account/sign-in/", {"username": email, "password": password})
    assert again.status_code == 200


@pytest.mark.django_db
def test_priv10_delete_needs_the_box_ticked(client, citizen_a):
    client.force_login(citizen_a)
    response = client.post("/account/delete/", {})
    assert "Tick the box to say you understand" in response.content.decode()
    assert User.objects.get(pk=citizen_a.pk).is_active
