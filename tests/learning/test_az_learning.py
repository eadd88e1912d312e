"""AZ-1, AZ-5, AZ-7: every learning route asked by every persona. Someone who may not see a
thing gets 404, exactly as for an id that does not exist; the toolkit, which holds nobody's
data, answers 403 with a plain explanation until Level 3 is completed."""

import re

import pytest
from django.urls import reverse

from copro.learning import services
from copro.learning.models import QuizAttempt, ToolkitEntry
from tests.core.urlwalk import iter_patterns
from tests.learning.world import make_world, own_record
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor

# route name: (method, who may use it)
MATRIX = {
    "home": ("GET", "signed_in"),
    "session": ("GET", "signed_in"),
    "book": ("POST", "signed_in"),
    "cancel": ("POST", "signed_in"),
    "manage": ("GET", "runner"),
    "toolkit": ("GET", "completed_level_3"),
    "quiz": ("GET", "everyone"),  # open to the public (issue 17)
    "attempt": ("GET", "owner"),
    "session_ics": ("GET", "booker"),
    "sessions_run": ("GET", "runs_sessions"),
    # Running training without the admin site (issue 17).
    "session_new": ("GET", "trainer"),
    "session_edit": ("GET", "runner"),
    "session_call_off": ("GET", "runner"),
    "walk_in": ("GET", "runner"),
    "toolkit_manage": ("GET", "trainer"),
    "toolkit_new": ("GET", "trainer"),
    "toolkit_edit": ("GET", "trainer"),
    "toolkit_retire": ("POST", "trainer"),
    "ordering": ("GET", "signed_in"),
    "ordering_attempt": ("GET", "owner"),
    "tips": ("GET", "signed_in"),
    "tips_new": ("GET", "signed_in"),
    "tip_check_in": ("GET", "owner"),
    "recipe": ("GET", "signed_in"),
    "recipe_new": ("GET", "signed_in"),
    "recipe_check_in": ("GET", "owner"),
    "journal": ("GET", "signed_in"),
    "journal_new": ("GET", "signed_in"),
    "journal_entry": ("GET", "owner"),
    "journal_delete": ("POST", "owner"),  # last: it deletes the entry
}
# Each owner-only route and the cast's object it is asked about.
OWNED = {
    "attempt": "attempt",
    "ordering_attempt": "ordering_attempt",
    "tip_check_in": "tip_check_in",
    "recipe_check_in": "recipe_check_in",
    "journal_entry": "journal_entry",
    "journal_delete": "journal_entry",
}
SESSION_ROUTES = (
    "session",
    "book",
    "cancel",
    "manage",
    "session_edit",
    "session_call_off",
    "walk_in",
)
PERSONAS = ["anonymous", "citizen", "other_citizen", "staff", "administrator", "ambassador"]


def test_az1_every_learning_route_is_in_the_matrix():
    names = {p.name for route, p in iter_patterns() if route.startswith("learning/")}
    assert names == set(MATRIX)


@pytest.fixture
def cast(db):
    world = make_world()
    citizen = UserFactory(display_name="Asha")
    attempt = services.quiz_submit(person=citizen, answers={}, questions=[])
    services.booking_make(session=world.session_3, person=citizen, by=citizen, confirmed=True)
    return {
        "world": world,
        "attempt": attempt,
        **own_record(citizen),
        "citizen": citizen,
        "other_citizen": UserFactory(display_name="Ben"),
        "staff": UserFactory(display_name="Sam", role="staff"),
        "administrator": UserFactory(
            display_name="Ada", role="administrator", is_staff=True, is_superuser=True
        ),
        "ambassador": world.ambassador,
    }


def expected(who: str, persona: str) -> str:
    if who == "everyone":
        return "ok"
    if persona == "anonymous":
        return "sign in"
    if who == "signed_in":
        return "ok"
    if who == "booker":
        return "ok" if persona == "citizen" else "404"
    if who == "runs_sessions":
        return "ok" if persona in ("staff", "administrator", "ambassador") else "403"
    if who in ("runner", "trainer"):
        return "ok" if persona in ("staff", "administrator", "ambassador") else "404"
    if who == "owner":
        return "ok" if persona == "citizen" else "404"
    if who == "completed_level_3":
        return "403"  # nobody in the cast has completed Level 3: see test_toolkit.py
    raise AssertionError(who)


def sign_in(client, cast, persona):
    if persona == "anonymous":
        return
    person = cast[persona]
    client.force_login(person)
    if person.needs_second_factor:
        verify_second_factor(client, person)


def url_for(name: str, cast) -> str:
    kwargs = {}
    if name in ("toolkit_edit", "toolkit_retire"):
        entry = ToolkitEntry.objects.get_or_create(
            title="Guide",
            defaults={"kind": "link", "description": "A guide.", "url": "https://example.org"},
        )[0]
        kwargs = {"pk": entry.pk}
    elif name in (
        "session",
        "book",
        "cancel",
        "manage",
        "session_edit",
        "session_call_off",
        "walk_in",
    ):
        kwargs = {"pk": cast["world"].session_1.pk}
    elif name == "session_ics":
        kwargs = {"pk": cast["world"].session_3.pk}
    elif name in OWNED:
        kwargs = {"pk": cast[OWNED[name]].pk}
    return reverse(f"learning:{name}", kwargs=kwargs)


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
def test_az1_az5_each_persona_gets_exactly_what_the_matrix_allows(client, cast, persona):
    sign_in(client, cast, persona)
    for name, (method, who) in MATRIX.items():
        url = url_for(name, cast)
        response = client.post(url) if method == "POST" else client.get(url)
        assert outcome(response) == expected(who, persona), (name, persona)


@pytest.mark.parametrize("persona", ["other_citizen", "staff", "administrator", "ambassador"])
def test_az1_someone_elses_quiz_attempt_is_the_same_404_as_a_missing_one(client, cast, persona):
    sign_in(client, cast, persona)
    theirs = client.get(reverse("learning:attempt", kwargs={"pk": cast["attempt"].pk}))
    missing = client.get(reverse("learning:attempt", kwargs={"pk": 999999}))
    assert theirs.status_code == missing.status_code == 404
    assert _without_tokens(theirs.content) == _without_tokens(missing.content)


def _without_tokens(body: bytes) -> bytes:
    # The CSRF token and CSP nonce change on every response; nothing else may differ.
    return re.sub(rb'(content|nonce|value)="[^"]*"', b"", body)


@pytest.mark.parametrize("persona", ["citizen", "other_citizen"])
def test_az1_people_who_do_not_run_a_session_get_404_on_its_register(client, cast, persona):
    sign_in(client, cast, persona)
    url = reverse("learning:manage", kwargs={"pk": cast["world"].session_1.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"attended": []}).status_code == 404
    assert client.get(reverse("learning:manage", kwargs={"pk": 999999})).status_code == 404


def test_az5_wrong_methods_are_refused(client, cast):
    sign_in(client, cast, "citizen")
    session = cast["world"].session_1.pk
    assert client.get(reverse("learning:book", kwargs={"pk": session})).status_code == 405
    assert client.get(reverse("learning:cancel", kwargs={"pk": session})).status_code == 405
    assert client.post(reverse("learning:home")).status_code == 405
    assert client.post(reverse("learning:toolkit")).status_code == 405
    assert (
        client.post(reverse("learning:attempt", kwargs={"pk": cast["attempt"].pk})).status_code
        == 405
    )


def test_az7_people_see_only_their_own_bookings_and_scores(client, cast):
    world = cast["world"]
    citizen, other = cast["citizen"], cast["other_citizen"]
    services.booking_make(session=world.session_1, person=other, by=other)
    services.quiz_submit(person=other, answers={}, questions=[])
    sign_in(client, cast, "citizen")
    home = client.get(reverse("learning:home")).content.decode()
    yours = home.split("Your bookings")[1].split("Sessions coming up")[0]
    assert f"/learning/sessions/{world.session_3.pk}/" in yours
    assert f"/learning/sessions/{world.session_1.pk}/" not in yours
    quiz = client.get(reverse("learning:quiz"))
    mine = set(QuizAttempt.objects.filter(person=citizen).values_list("pk", flat=True))
    shown = {
        int(part.split("/")[0])
        for part in quiz.content.decode().split("/learning/quiz/attempts/")[1:]
    }
    assert shown == mine
