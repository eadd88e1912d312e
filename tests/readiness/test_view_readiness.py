"""The readiness and audit pages: staff update a step and run a round; participants score it;
bad input gets a plain message and saves nothing (IO-9); ids from elsewhere are field errors
(AZ-3); what people type is shown as text (IO-1); a double submit adds no rows (CONC-1); pages
run a bounded number of queries."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from copro.framework.models import SevenStep
from copro.readiness import services
from copro.readiness.models import (
    AuditAction,
    AuditParticipant,
    AuditRound,
    AuditScore,
    AuditStatement,
    Readiness,
    ReadinessChange,
)
from tests.people.factories import UserFactory
from tests.projects.factories import MembershipFactory
from tests.readiness.world import make_board_member

pytestmark = pytest.mark.django_db


def step_url(step: SevenStep) -> str:
    return reverse("readiness:step", kwargs={"pk": step.pk})


def round_url(found: AuditRound, name: str = "round") -> str:
    return reverse(f"readiness:{name}", kwargs={"pk": found.pk})


def _score_data(statements, value="3") -> dict:
    return {f"statement_{s.pk}": value for s in statements}


# Readiness


def test_staff_update_a_step_and_the_change_is_shown(client, world, sign_in):
    step = SevenStep.objects.get(order=2)
    sign_in(world.staff)
    response = client.post(
        step_url(step),
        {
            "status": "in_progress",
            "owner": world.staff.pk,
            "evidence": "Carers' group meets monthly",
            "review_on": "2027-03-01",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Saved: Involve a wide range of citizens." in page
    assert "Carers&#x27; group meets monthly" in page
    assert "1 March 2027" in page
    assert ReadinessChange.objects.filter(what="Status", after="In progress").count() == 1
    home = client.get(reverse("readiness:home")).content.decode()
    assert "In progress" in home and "0 of 7 steps done." in home


def test_the_board_sees_readiness_without_the_form(client, world, sign_in):
    sign_in(world.board)
    page = client.get(step_url(SevenStep.objects.first())).content.decode()
    assert "Get senior leaders on board" in page
    main = page.split('id="main-content"')[1]
    assert "Save changes" not in main and 'method="post"' not in main


def test_overdue_reviews_are_flagged_on_the_overview(client, world, sign_in):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    services.readiness_update(
        step=SevenStep.objects.get(order=7),
        status="in_progress",
        owner=None,
        evidence="",
        review_on=yesterday,
        by=world.staff,
    )
    sign_in(world.board)
    page = client.get(reverse("readiness:home")).content.decode()
    assert "1 step is past its review date." in page
    assert page.count(">Overdue<") == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "done", "review_on": "2027-02-31"}, "Enter a real date"),
        ({"status": ""}, "Choose where we are with this step"),
        ({"status": "finished"}, "Select a valid choice"),
        ({"status": "done", "evidence": "x" * 5001}, "5000 characters"),
    ],
)
def test_io9_bad_input_is_explained_and_nothing_is_saved(client, world, sign_in, data, message):
    sign_in(world.staff)
    response = client.post(step_url(SevenStep.objects.first()), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert "<title>Error: " in page
    assert Readiness.objects.count() == ReadinessChange.objects.count() == 0


def test_az3_an_owner_who_is_not_staff_or_board_is_a_field_error(client, world, sign_in):
    sign_in(world.staff)
    response = client.post(
        step_url(SevenStep.objects.first()), {"status": "done", "owner": world.citizen.pk}
    )
    assert "Choose a person from the list" in response.content.decode()
    assert Readiness.objects.count() == 0


# Audit rounds


def test_staff_start_a_round_add_people_and_actions_close_and_publish(client, world, sign_in):
    sign_in(world.staff)
    response = client.post(
        reverse("readiness:round_new"),
        {"title": "Winter audit", "project": "", "held_on": "2026-12-01"},
    )
    found = AuditRound.objects.get(title="Winter audit")
    assert response["Location"] == round_url(found, "people")
    for person in (world.citizen, world.staff):
        client.post(round_url(found, "people"), {"person": person.pk})
    kinds = dict(found.participants.values_list("person__display_name", "kind"))
    assert kinds == {"Cal": "experience", "Sam": "qualification"}
    client.post(
        round_url(found, "actions"),
        {"text": "Pay people for their time", "owner": world.citizen.pk, "due_on": "2027-01-31"},
    )
    assert AuditAction.objects.get(round=found).owner == world.citizen
    assert client.post(round_url(found, "publish")).status_code == 302
    assert AuditRound.objects.get(pk=found.pk).published_at is None  # not while it is open
    client.post(round_url(found, "close"))
    client.post(round_url(found, "publish"))
    found.refresh_from_db()
    assert not found.is_open and found.is_published
    page = client.get(round_url(found)).content.decode()
    assert "Published on" in page and "Pay people for their time" in page


def test_az3_a_project_the_member_of_staff_cannot_see_is_a_field_error(client, world, sign_in):
    sign_in(world.staff)  # not a member of project B, which is for its members
    response = client.post(
        reverse("readiness:round_new"),
        {"title": "Sneaky", "project": world.project_b.pk, "held_on": "2026-12-01"},
    )
    assert "Choose a project from the list" in response.content.decode()
    assert not AuditRound.objects.filter(title="Sneaky").exists()


def test_az3_a_project_round_takes_only_the_projects_members(client, world, sign_in):
    MembershipFactory(project=world.project_a, user=world.staff, kind="qualification")
    found = services.round_start(
        title="Breaks audit", project=world.project_a, held_on=datetime.date(2026, 9, 1), by=None
    )
    sign_in(world.staff)
    response = client.post(round_url(found, "people"), {"person": world.citizen.pk})
    assert "Choose a person from the list" in response.content.decode()
    client.post(round_url(found, "people"), {"person": world.participant.pk})
    assert list(found.participants.values_list("person", flat=True)) == [world.participant.pk]


def test_a_round_warns_when_a_kind_of_expert_is_missing(client, world, sign_in):
    found = services.round_start(
        title="Staff only", project=None, held_on=datetime.date(2026, 9, 1), by=world.staff
    )
    services.participant_add(round=found, person=world.staff, by=world.staff)
    sign_in(world.staff)
    page = client.get(round_url(found)).content.decode()
    assert "Nobody in this round takes part as an expert by experience" in page
    assert "expert by qualification. Ask" not in page


def test_a_participant_scores_and_the_round_shows_the_figures(client, world, sign_in):
    statements = list(AuditStatement.objects.filter(is_active=True))
    sign_in(world.participant)
    page = client.get(round_url(world.open_round, "score")).content.decode()
    assert page.count('type="radio"') == len(statements) * 6
    for principle in ("Equality", "Diversity", "Access", "Reciprocity"):
        assert f">{principle}</h2>" in page
    response = client.post(round_url(world.open_round, "score"), _score_data(statements, "4"))
    assert response.status_code == 302
    assert AuditScore.objects.count() == len(statements)
    page = client.get(round_url(world.open_round)).content.decode()
    assert "1 of 2 people taking part" in page
    assert re.search(r'data-principle="equality">.*?4\.0.*?4\.0', page, re.S)


def test_conc1_a_double_submit_keeps_one_score_per_statement(client, world, sign_in):
    statements = list(AuditStatement.objects.filter(is_active=True))
    sign_in(world.participant)
    for value in ("2", "5"):
        client.post(round_url(world.open_round, "score"), _score_data(statements, value))
    assert AuditScore.objects.count() == len(statements)
    assert set(AuditScore.objects.values_list("score", flat=True)) == {5}


def test_io9_a_missing_score_is_explained_and_nothing_is_saved(client, world, sign_in):
    statements = list(AuditStatement.objects.filter(is_active=True))
    data = _score_data(statements[1:])
    data[f"statement_{statements[1].pk}"] = "9"
    sign_in(world.participant)
    page = client.post(round_url(world.open_round, "score"), data).content.decode()
    assert "There is a problem" in page
    assert f"Choose a score for: {statements[0].text}".replace("'", "&#x27;") in page
    assert "Choose a score from 1 to 5, or I&#x27;m not sure" in page
    assert AuditScore.objects.count() == 0


def test_a_closed_round_takes_no_more_scores(client, world, sign_in):
    services.round_close(round=world.open_round, by=world.staff)
    statements = list(AuditStatement.objects.filter(is_active=True))
    sign_in(world.participant)
    response = client.post(round_url(world.open_round, "score"), _score_data(statements))
    assert "This round is closed" in response.content.decode()
    assert AuditScore.objects.count() == 0


def test_the_trend_has_a_chart_with_title_and_desc_and_a_table_of_the_same_figures(
    client, world, sign_in
):
    statements = list(AuditStatement.objects.filter(is_active=True))
    spring = AuditParticipant.objects.get(round=world.published_round)
    AuditScore.objects.bulk_create(
        AuditScore(participant=spring, statement=s, score=2) for s in statements
    )  # the round is closed, so past the service
    services.scores_save(
        participant=AuditParticipant.objects.get(round=world.open_round, kind="experience"),
        scores={s.pk: 4 for s in statements},
    )
    sign_in(world.participant)
    page = client.get(round_url(world.open_round)).content.decode()
    assert '<title id="chart-audit-trend-title">' in page and "<desc id=" in page
    bars = re.findall(r'data-label="([^"]+)" data-value="(\d+)"', page)
    assert ("Equality, Spring audit (April 2026)", "20") in bars
    assert ("Equality, Autumn audit (October 2026)", "40") in bars
    table = re.search(r'data-table="trend">.*?</table>', page, re.S).group(0)
    assert re.search(r"Spring audit \(April 2026\)</th>(\s*<td[^>]*>2\.0</td>){4}", table)
    assert re.search(r"Autumn audit \(October 2026\)</th>(\s*<td[^>]*>4\.0</td>){4}", table)


# Query counts


@pytest.mark.parametrize("people", [2, 12])
def test_query_count_of_a_round_does_not_grow_with_people_or_rounds(
    client, world, sign_in, people, django_assert_max_num_queries
):
    statements = list(AuditStatement.objects.filter(is_active=True))
    for n in range(people):
        found = services.round_start(
            title=f"Round {n}", project=None, held_on=datetime.date(2025, 1, 1), by=world.staff
        )
        for person in UserFactory.create_batch(2):
            participant = services.participant_add(round=found, person=person, by=world.staff)
            services.scores_save(participant=participant, scores={s.pk: 3 for s in statements})
        services.round_close(round=found, by=world.staff)
        participant = services.participant_add(
            round=world.open_round, person=UserFactory(), by=world.staff
        )
        services.scores_save(participant=participant, scores={s.pk: 4 for s in statements})
    sign_in(world.staff)
    # session, user, second factor (3), the round with its project (1), results: statements,
    # participants, scores (3), my participation (1), actions (1), trend: rounds, scores,
    # statements (3), the unread notifications count in the header (1).
    with django_assert_max_num_queries(13):
        assert client.get(round_url(world.open_round)).status_code == 200


def test_query_count_of_readiness_does_not_grow(
    client, world, sign_in, django_assert_max_num_queries
):
    for step in SevenStep.objects.all():
        services.readiness_update(
            step=step,
            status="done",
            owner=make_board_member(),
            evidence="e",
            review_on=None,
            by=world.staff,
        )
    sign_in(world.staff)
    # session, user, second factor (3), board check (none for staff), the summary (1), the
    # unread notifications count in the header (1).
    with django_assert_max_num_queries(5):
        assert client.get(reverse("readiness:home")).status_code == 200
    # the same three, the step (1), its summary (1), the owners to choose from (1), changes (1),
    # the unread notifications count (1)
    url = step_url(SevenStep.objects.first())
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("rounds", [2, 12])
def test_query_count_of_the_list_does_not_grow(
    client, world, sign_in, rounds, django_assert_max_num_queries
):
    for n in range(rounds):
        services.round_start(
            title=f"Round {n}", project=world.project_a, held_on=datetime.date(2025, 1, 1), by=None
        )
    sign_in(world.participant)
    # session, user (2), the rounds the viewer may see, with their projects and head counts (1),
    # whether they are on the Advisory Board (1, for the link to readiness), the unread
    # notifications count in the header (1)
    with django_assert_max_num_queries(5):
        assert client.get(reverse("readiness:rounds")).status_code == 200


# IO-1

PAYLOAD = '"><svg onload=alert(1)><script>alert(1)</script>{{ 7 }}\u202e\u200b'


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def _assert_text_only(body: str) -> None:
    parser = _Elements()
    parser.feed(body)
    for tag, attrs in parser.found:
        assert not (tag == "svg" and any(name == "onload" for name, _ in attrs)), body
        # Our own scripts: files, or the one inline snippet the CSP allows by its hash.
        ours = any(
            name in ("src", "nonce") or (name, value) == ("data-csp", "hash")
            for name, value in attrs
        )
        assert not (tag == "script" and not ours)
        for _name, value in attrs:
            assert not (value or "").strip().lower().startswith("javascript:")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "{{ 7 }}" in body


def test_io1_text_people_type_is_shown_as_text(client, world, sign_in):
    world.participant.display_name = f"Asha {PAYLOAD}"
    world.participant.save()
    owner = make_board_member(display_name=f"Bea {PAYLOAD}")
    step = SevenStep.objects.first()
    services.readiness_update(
        step=step, status="done", owner=owner, evidence=PAYLOAD, review_on=None, by=world.staff
    )
    found = world.open_round
    AuditRound.objects.filter(pk=found.pk).update(title=f"Round {PAYLOAD}")
    services.action_add(
        round=found, text=PAYLOAD, owner=owner, due_on=datetime.date(2027, 1, 1), by=world.staff
    )
    AuditStatement.objects.filter(pk=AuditStatement.objects.first().pk).update(text=PAYLOAD)
    participant = AuditParticipant.objects.get(round=found, person=world.participant)
    services.scores_save(participant=participant, scores={AuditStatement.objects.first().pk: 2})
    sign_in(world.staff)
    pages = [
        reverse("readiness:home"),
        step_url(step),
        reverse("readiness:rounds"),
        round_url(found),
        round_url(found, "people"),
        round_url(found, "actions"),
    ]
    for url in pages:
        _assert_text_only(client.get(url).content.decode())
    sign_in(world.participant)
    _assert_text_only(client.get(round_url(found, "score")).content.decode())
