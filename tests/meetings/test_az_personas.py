"""AZ-1 and AZ-11: every meetings route asked by every persona - anonymous, a member of the
project (invited), a signed-in person outside it, a staff member outside it, the organiser and
an administrator. Someone who may not use a route gets 404 (or 403 for the venue forms, which
name no one's data), never the page."""

import pytest

from copro.meetings.models import Meeting
from tests.meetings.test_az_meetings import MATRIX, _objects, request
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor

PERSONAS = ["anonymous", "member", "non_member", "staff", "organiser", "administrator"]


def expected(name: str, persona: str) -> str:
    """ "ok", "404", "403" or "sign in"."""
    who = MATRIX[name][1]
    if persona == "anonymous":
        return "404" if who == "secret" else "sign in"
    if who == "secret":  # the feed is reached by its secret, not by who is signed in
        return "404"
    if who == "signed_in":
        return "ok"
    if who == "administrator":
        return "ok" if persona == "administrator" else "403"
    may = {
        "viewer": {"member", "organiser", "administrator"},
        "organiser": {"organiser", "administrator"},
        "invitee": {"member"},  # only Asha is invited; the organiser and admin are not
    }[who]
    return "ok" if persona in may else "404"


def _sign_in(client, mworld, persona):
    if persona == "anonymous":
        return
    person = {
        "member": mworld.citizen_a,
        "non_member": mworld.citizen_b,
        "organiser": mworld.lead_a,
        "staff": UserFactory(role="staff", display_name="Sam"),
        "administrator": UserFactory(role="administrator", display_name="Ada"),
    }[persona]
    client.force_login(person)
    if person.needs_second_factor:
        verify_second_factor(client, person)


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


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_az1_each_persona_gets_exactly_what_the_matrix_allows(client, mworld, persona):
    # A past meeting, so that attendance can be saved and every page has something to show.
    Meeting.objects.filter(pk=mworld.meeting_a.pk).update(
        starts_at=mworld.meeting_a.starts_at.replace(year=2020)
    )
    _sign_in(client, mworld, persona)
    wrong = {}
    ids = {**_objects(mworld, "a"), "venue_pk": mworld.venue.pk, "token": "not-a-token"}
    for name in sorted(MATRIX):  # "agenda_remove" takes the item away; no later route needs it
        response = request(client, name, ids)
        got, want = outcome(response), expected(name, persona)
        if got != want:
            wrong[name] = (got, want)
        if got == "404":
            assert b"Meeting A" not in response.content and b"Paper A" not in response.content
    assert wrong == {}, persona
