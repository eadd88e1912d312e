"""AZ-1, AZ-5, AZ-7: every community route asked by every persona. Someone who may not see a
thing gets 404, exactly as for an id that does not exist; a function someone may not use
(offering a clinic, writing case studies) answers 403 with a plain explanation."""

import re

import pytest
from django.urls import reverse

from copro.community import services
from copro.community.models import CaseStudy
from tests.community.world import make_slot
from tests.core.urlwalk import iter_patterns
from tests.people.mfa_helpers import verify_second_factor

# route name: (method, who may use it)
MATRIX = {
    "home": ("GET", "signed_in"),
    "clinics": ("GET", "signed_in"),
    "slot_new": ("GET", "host"),
    "slot": ("GET", "signed_in"),
    "book": ("POST", "signed_in"),
    "booking": ("GET", "booker_or_host"),
    "booking_ics": ("GET", "booker_or_host"),
    "cancel": ("POST", "booker_or_host"),
    "case_studies": ("GET", "everyone"),  # published case studies are public (issue 17)
    "case_study_new": ("GET", "staff"),
    "compare": ("GET", "everyone"),
    "case_study": ("GET", "everyone"),
    "case_study_edit": ("GET", "editor"),
}
PERSONAS = [
    "anonymous",
    "citizen",
    "other_citizen",
    "ambassador",
    "practitioner",
    "staff",
    "administrator",
]
ALLOWED = {
    "signed_in": set(PERSONAS) - {"anonymous"},
    "host": {"ambassador", "staff", "administrator"},
    "booker_or_host": {"citizen", "ambassador"},
    "practice": {"practitioner", "staff", "administrator"},
    "practice_object": {"practitioner", "staff", "administrator"},
    "staff": {"staff", "administrator"},
    "editor": {"staff", "administrator"},
}
# What a refusal looks like: a function answers 403, an object 404 (AZ-5).
REFUSAL = {
    "host": "403",
    "practice": "403",
    "staff": "403",
    "booker_or_host": "404",
    "practice_object": "404",
    "editor": "404",
}


def test_az1_every_community_route_is_in_the_matrix():
    names = {p.name for route, p in iter_patterns() if route.startswith("community/")}
    assert names == set(MATRIX)


def expected(who: str, persona: str) -> str:
    if who == "everyone":
        return "ok"
    if persona == "anonymous":
        return "sign in"
    return "ok" if persona in ALLOWED[who] else REFUSAL[who]


def sign_in(client, world, persona):
    if persona == "anonymous":
        return
    person = getattr(world, persona)
    client.force_login(person)
    if person.needs_second_factor:
        verify_second_factor(client, person)


def url_for(name: str, world) -> str:
    pk = {
        "slot": world.free_slot.pk,
        "book": world.free_slot.pk,
        "booking": world.booking.pk,
        "booking_ics": world.booking.pk,
        "cancel": world.booking.pk,
        "case_study": world.case_study.pk,
        "case_study_edit": world.case_study.pk,
    }.get(name)
    return reverse(f"community:{name}", kwargs={"pk": pk} if pk else {})


def outcome(response) -> str:
    if response.status_code == 302 and "/account/sign-in/" in response["Location"]:
        return "sign in"
    # Exact outcomes (issue 14): a page someone may see answers 200 itself, not a redirect to
    # some other page (an error page would pass otherwise); a form sent answers its page again
    # (200, with errors) or a redirect after the write.
    if response.request["REQUEST_METHOD"] == "GET":
        if response.status_code == 200:
            return "ok"
        if response.status_code == 302:
            return f"redirect to {response['Location']}"
    elif response.status_code in (200, 302):
        return "ok"
    return str(response.status_code)


@pytest.mark.parametrize("persona", PERSONAS)
def test_az1_az5_each_persona_gets_exactly_what_the_matrix_allows(client, world, persona):
    sign_in(client, world, persona)
    for name, (method, who) in MATRIX.items():
        url = url_for(name, world)
        response = client.post(url) if method == "POST" else client.get(url)
        assert outcome(response) == expected(who, persona), (name, persona)


def _without_tokens(body: bytes) -> bytes:
    # The CSRF token and CSP nonce change on every response; nothing else may differ.
    return re.sub(rb'(content|nonce|value)="[^"]*"', b"", body)


def _same_404(client, theirs: str, missing: str):
    first, second = client.get(theirs), client.get(missing)
    assert first.status_code == second.status_code == 404
    assert _without_tokens(first.content) == _without_tokens(second.content)


@pytest.mark.parametrize("persona", ["other_citizen", "practitioner", "staff", "administrator"])
def test_az1_someone_elses_booking_is_the_same_404_as_a_missing_one(client, world, persona):
    sign_in(client, world, persona)
    for name in ("booking", "booking_ics"):
        _same_404(
            client,
            reverse(f"community:{name}", kwargs={"pk": world.booking.pk}),
            reverse(f"community:{name}", kwargs={"pk": 999999}),
        )
    response = client.post(reverse("community:cancel", kwargs={"pk": world.booking.pk}))
    assert response.status_code == 404
    world.booking.refresh_from_db()
    assert world.booking.status == "booked"


@pytest.mark.parametrize("persona", ["practitioner", "citizen", "ambassador"])
def test_az1_a_draft_case_study_is_the_same_404_as_a_missing_one(client, world, persona):
    sign_in(client, world, persona)
    for name in ("case_study", "case_study_edit"):
        _same_404(
            client,
            reverse(f"community:{name}", kwargs={"pk": world.draft.pk}),
            reverse(f"community:{name}", kwargs={"pk": 999999}),
        )


def test_az1_the_author_and_administrators_can_read_a_draft(client, world):
    for person in (world.staff, world.administrator):
        sign_in(client, world, "staff" if person == world.staff else "administrator")
        response = client.get(reverse("community:case_study", kwargs={"pk": world.draft.pk}))
        assert response.status_code == 200
        assert "Only you and the people who run the project can see this." in response.text


def test_az1_a_case_study_disappears_when_its_project_is_no_longer_published(client, world):
    world.project.visibility = "signed_in"
    world.project.save()
    sign_in(client, world, "practitioner")
    url = reverse("community:case_study", kwargs={"pk": world.case_study.pk})
    assert client.get(url).status_code == 404


def test_az5_people_who_may_not_write_cannot_post_a_case_study_or_a_clinic(client, world):
    sign_in(client, world, "practitioner")
    response = client.post(
        reverse("community:case_study_edit", kwargs={"pk": world.case_study.pk}),
        {"summary": "Taken over", "idea": "x", "publish": "publish"},
    )
    assert response.status_code == 404
    sign_in(client, world, "citizen")
    count = world.free_slot.__class__.objects.count()
    response = client.post(
        reverse("community:slot_new"),
        {
            "topic": "Mine",
            "date": "2099-01-01",
            "start_time": "10:00",
            "duration_minutes": "30",
            "format": "online",
            "online_link": "https://x.example.org",
        },
    )
    assert response.status_code == 403
    assert world.free_slot.__class__.objects.count() == count
    world.case_study.refresh_from_db()
    assert world.case_study.summary != "Taken over"


def test_az5_staff_who_do_not_run_a_project_cannot_write_its_case_study(client, world):
    from tests.people.factories import UserFactory
    from tests.projects.factories import ProjectFactory

    outsider = UserFactory(role="staff")
    client.force_login(outsider)
    verify_second_factor(client, outsider)
    project = ProjectFactory(visibility="public")
    response = client.post(
        reverse("community:case_study_new"),
        {"project": project.pk, "summary": "x", "idea": "y", "publish": "draft"},
    )
    assert response.status_code == 200
    assert "Choose one of your published projects" in response.text
    assert not CaseStudy.objects.filter(project=project).exists()


def test_az5_wrong_methods_are_refused(client, world):
    sign_in(client, world, "citizen")
    for name, (method, _who) in MATRIX.items():
        url = url_for(name, world)
        if method == "POST":
            assert client.get(url).status_code == 405, name
        elif name not in ("slot_new", "case_study_new", "case_study_edit"):
            assert client.post(url).status_code == 405, name


def test_az7_people_see_only_their_own_bookings(client, world):
    theirs = make_slot(world.ambassador, days=6, topic="Somebody else's clinic")
    services.clinic_book(slot=theirs, person=world.other_citizen, question="Private matter")
    sign_in(client, world, "citizen")
    page = client.get(reverse("community:clinics")).text
    shown = {int(pk) for pk in re.findall(r"/community/clinics/bookings/(\d+)/", page)}
    assert shown == {world.booking.pk}
    assert "Private matter" not in page
    slot_page = client.get(reverse("community:slot", kwargs={"pk": theirs.pk})).text
    assert "Someone has booked this clinic" in slot_page
    assert world.other_citizen.display_name not in slot_page
    assert "/community/clinics/bookings/" not in slot_page


def test_az7_the_host_sees_the_bookings_of_their_own_clinics_only(client, world):
    other_host = make_slot(world.staff, days=6)
    services.clinic_book(slot=other_host, person=world.other_citizen)
    sign_in(client, world, "ambassador")
    page = client.get(reverse("community:clinics")).text
    shown = {int(pk) for pk in re.findall(r"/community/clinics/bookings/(\d+)/", page)}
    assert shown == {world.booking.pk}


def test_az7_the_list_and_compare_show_exactly_the_visible_case_studies(client, world):
    sign_in(client, world, "practitioner")
    page = client.get(reverse("community:case_studies")).text
    shown = {int(pk) for pk in re.findall(r"/community/case-studies/(\d+)/", page)}
    assert shown == {world.case_study.pk}
    response = client.get(
        reverse("community:compare"), {"ids": [world.case_study.pk, world.draft.pk]}
    )
    assert response.status_code == 200
    assert "Choose case studies from the list" in response.text
    assert "Library hours" not in response.text  # the draft's project


def test_az7_the_author_sees_their_draft_in_the_list_marked_as_a_draft(client, world):
    sign_in(client, world, "staff")
    page = client.get(reverse("community:case_studies")).text
    shown = {int(pk) for pk in re.findall(r"/community/case-studies/(\d+)/", page)}
    assert shown == {world.case_study.pk, world.draft.pk}
    assert "Draft" in page
