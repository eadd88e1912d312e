"""AZ-1, AZ-5, AZ-7: every readiness and audit route asked by every persona. Someone who may
not see a thing gets 404, exactly as for an id that does not exist."""

import re

import pytest
from django.urls import reverse

from copro.framework.models import SevenStep
from copro.readiness.models import AuditRound
from copro.readiness.permissions import round_list_visible
from tests.core.urlwalk import iter_patterns
from tests.people.mfa_helpers import verify_second_factor

# route name: (method, who may use it). Round routes use the open, unpublished round.
MATRIX = {
    "home": ("GET", "readiness_viewers"),
    "step": ("GET", "readiness_viewers"),
    "rounds": ("GET", "everyone"),  # published results are public (issue 17)
    "round_new": ("GET", "council_staff"),
    "round": ("GET", "round_viewers"),
    "score": ("GET", "participants"),
    "people": ("GET", "council_staff"),
    "actions": ("GET", "council_staff"),
    "close": ("POST", "council_staff"),
    "publish": ("POST", "council_staff"),
}
PERSONAS = ["anonymous", "participant", "citizen", "board", "staff", "administrator"]
ALLOWED = {
    "signed_in": {"participant", "citizen", "board", "staff", "administrator"},
    "readiness_viewers": {"board", "staff", "administrator"},
    "council_staff": {"staff", "administrator"},
    "round_viewers": {"participant", "staff", "administrator"},
    "participants": {"participant"},
}


def test_az1_every_readiness_route_is_in_the_matrix():
    names = {p.name for route, p in iter_patterns() if route.startswith("readiness/")}
    assert names == set(MATRIX)


def sign_in(client, world, persona):
    if persona == "anonymous":
        return
    person = getattr(world, persona)
    client.force_login(person)
    if person.needs_second_factor:
        verify_second_factor(client, person)


def url_for(name: str, world) -> str:
    if name == "step":
        return reverse("readiness:step", kwargs={"pk": SevenStep.objects.first().pk})
    if name in ("home", "rounds", "round_new"):
        return reverse(f"readiness:{name}")
    return reverse(f"readiness:{name}", kwargs={"pk": world.open_round.pk})


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


def expected(who: str, persona: str) -> str:
    if who == "everyone":
        return "ok"
    if persona == "anonymous":
        return "sign in"
    return "ok" if persona in ALLOWED[who] else "404"


@pytest.mark.parametrize("persona", PERSONAS)
def test_az1_az5_each_persona_gets_exactly_what_the_matrix_allows(client, world, persona):
    sign_in(client, world, persona)
    for name, (method, who) in MATRIX.items():
        url = url_for(name, world)
        response = client.post(url) if method == "POST" else client.get(url)
        assert outcome(response) == expected(who, persona), (name, persona)


@pytest.mark.parametrize("persona", ["board", "citizen", "participant"])
def test_az5_only_council_staff_can_change_a_step(client, world, persona):
    sign_in(client, world, persona)
    step = SevenStep.objects.first()
    response = client.post(reverse("readiness:step", kwargs={"pk": step.pk}), {"status": "done"})
    assert response.status_code == 404
    assert not hasattr(SevenStep.objects.get(pk=step.pk), "readiness")


@pytest.mark.parametrize("persona", ["participant", "citizen", "board", "staff", "administrator"])
def test_az1_a_missing_step_or_round_is_404(client, world, persona):
    sign_in(client, world, persona)
    for name in ("step", "round", "score", "people", "actions"):
        assert client.get(reverse(f"readiness:{name}", kwargs={"pk": 999999})).status_code == 404


def _without_tokens(body: bytes) -> bytes:
    # The CSRF token and CSP nonce change on every response; nothing else may differ.
    return re.sub(rb'(content|nonce|value)="[^"]*"', b"", body)


@pytest.mark.parametrize("persona", ["citizen", "board"])
def test_az1_an_unpublished_round_is_the_same_404_as_a_missing_one(client, world, persona):
    sign_in(client, world, persona)
    theirs = client.get(reverse("readiness:round", kwargs={"pk": world.open_round.pk}))
    missing = client.get(reverse("readiness:round", kwargs={"pk": 999999}))
    assert theirs.status_code == missing.status_code == 404
    assert _without_tokens(theirs.content) == _without_tokens(missing.content)
    assert b"Autumn audit" not in theirs.content


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("participant", False),  # published, but project B is for its members
        ("citizen", False),
        ("board", False),
        ("staff", False),  # staff see a members-only project only if they are members
        ("administrator", True),
        ("member_b", True),
    ],
)
def test_az1_a_project_audit_is_only_for_people_who_can_see_the_project(
    client, world, persona, sees
):
    sign_in(client, world, persona)
    response = client.get(reverse("readiness:round", kwargs={"pk": world.project_round.pk}))
    assert response.status_code == (200 if sees else 404)
    assert (b"Bus stops audit" in response.content) is sees


@pytest.mark.parametrize("persona", ["participant", "citizen", "board"])
def test_az1_a_published_organisation_round_is_for_everyone_signed_in(client, world, persona):
    sign_in(client, world, persona)
    response = client.get(reverse("readiness:round", kwargs={"pk": world.published_round.pk}))
    assert response.status_code == 200


def test_az1_someone_who_is_not_a_participant_cannot_score(client, world):
    sign_in(client, world, "staff")
    url = reverse("readiness:score", kwargs={"pk": world.open_round.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


def test_az5_wrong_methods_are_refused(client, world):
    sign_in(client, world, "staff")
    pk = world.open_round.pk
    assert client.get(reverse("readiness:close", kwargs={"pk": pk})).status_code == 405
    assert client.get(reverse("readiness:publish", kwargs={"pk": pk})).status_code == 405
    assert client.post(reverse("readiness:home")).status_code == 405
    assert client.post(reverse("readiness:rounds")).status_code == 405
    assert client.post(reverse("readiness:round", kwargs={"pk": pk})).status_code == 405
    assert AuditRound.objects.get(pk=pk).is_open


def _listed(content: bytes) -> set[int]:
    return {int(pk) for pk in re.findall(rb'data-round="(\d+)"', content)}


@pytest.mark.parametrize(
    "persona", ["participant", "citizen", "board", "staff", "administrator", "member_b"]
)
def test_az7_the_list_shows_exactly_the_rounds_the_viewer_may_see(client, world, persona):
    sign_in(client, world, persona)
    response = client.get(reverse("readiness:rounds"))
    person = getattr(world, persona)
    visible = set(round_list_visible(viewer=person).values_list("pk", flat=True))
    assert _listed(response.content) == visible
    expected_titles = {
        "participant": {"Autumn audit", "Spring audit"},
        "citizen": {"Spring audit"},
        "board": {"Spring audit"},
        "staff": {"Autumn audit", "Spring audit"},
        "administrator": {"Autumn audit", "Spring audit", "Bus stops audit"},
        "member_b": {"Spring audit", "Bus stops audit"},
    }[persona]
    titles = set(AuditRound.objects.filter(pk__in=visible).values_list("title", flat=True))
    assert titles == expected_titles


def test_az7_the_trend_leaves_out_rounds_the_viewer_may_not_see(client, world):
    """A closed, unpublished round someone did not take part in is left out of the trend they
    see; council staff see it."""
    from copro.readiness import services
    from copro.readiness.models import AuditStatement

    hidden = services.round_start(
        title="Summer audit", project=None, held_on=world.open_round.held_on, by=world.staff
    )
    scorer = services.participant_add(round=hidden, person=world.staff, by=world.staff)
    services.scores_save(participant=scorer, scores={AuditStatement.objects.first().pk: 4})
    services.round_close(round=hidden, by=world.staff)
    url = reverse("readiness:round", kwargs={"pk": world.open_round.pk})
    sign_in(client, world, "participant")
    assert b"Summer audit" not in client.get(url).content
    sign_in(client, world, "staff")
    assert b"Summer audit" in client.get(url).content
