"""How it felt (PRIV-6 style suppression, never per person), the "experience" evidence signal,
and outcomes with before and after measures."""

import datetime

import pytest

from copro.projects import services as project_services
from copro.projects.evidence.signals import signal_keys
from copro.voice import selectors, services
from copro.voice.experience import experience_signal
from tests.people.factories import UserFactory
from tests.voice.factories import sign_in, voice_world

pytestmark = pytest.mark.django_db
ALL_NO = dict.fromkeys(("heard", "could_change", "equal", "could_get_there", "got_back"), "no")
ALL_YES = dict.fromkeys(ALL_NO, "yes")


def _members(world, n, kind="experience"):
    return [
        project_services.member_add(
            project=world.project,
            user=UserFactory(),
            kind=kind,
            role="member",
            joined_on=datetime.date.today(),
            by=world.lead,
        )
        for _ in range(n)
    ]


def _checkin(membership, answers):
    return services.checkin_submit(membership=membership, answers=answers, by=membership.user)


@pytest.mark.parametrize("answered", [1, 2, 3, 4])
def test_priv6_fewer_than_five_answers_show_nothing_per_question(answered, client):
    world = voice_world()
    for m in _members(world, answered):
        _checkin(m, ALL_NO)
    shown = selectors.checkin_aggregate(project=world.project)
    assert not shown["enough"]
    assert shown["total"].display == "fewer than 5"
    for q in shown["questions"]:
        assert q.no.hidden and q.no.display == "fewer than 5"
    sign_in(client, world.lead)
    page = client.get(f"/voice/projects/{world.project.pk}/records/").content.decode()
    assert "Not enough experts by experience have answered" in page
    # The evidence signal says "no data yet", never "not met": it must not single anyone out.
    signal = experience_signal(type("R", (), {"project": world.project})(), {})
    assert signal.met is None and signal.value is None


def test_priv6_small_cells_hidden_even_when_the_total_is_shown():
    world = voice_world()
    members = _members(world, 7)
    for m in members[:6]:
        _checkin(m, ALL_YES)
    _checkin(members[6], ALL_NO)
    shown = selectors.checkin_aggregate(project=world.project)
    assert shown["enough"]
    heard = shown["questions"][0]
    assert heard.no.display == "fewer than 5" and heard.no.hidden
    assert heard.yes.display == "5"  # rounded to 5, so the hidden cell cannot be solved for
    assert heard.partly.display == "0"


def test_staff_answers_are_not_counted_with_experts_by_experience():
    world = voice_world()
    for m in _members(world, 6, kind="qualification"):
        _checkin(m, ALL_NO)
    assert not selectors.checkin_aggregate(project=world.project)["enough"]


def test_the_experience_signal_warns_when_most_say_they_could_not_change_things():
    assert "experience" in signal_keys()
    world = voice_world()
    for m in _members(world, 5):
        _checkin(m, {**ALL_YES, "could_change": "no"})
    signal = experience_signal(type("R", (), {"project": world.project})(), {})
    assert signal.met is False
    assert "could not change things" in signal.reason
    assert signal.value == 5


def test_the_lead_sees_a_warning_when_answers_contradict_the_record(client):
    world = voice_world()
    for m in _members(world, 5):
        _checkin(m, {**ALL_YES, "could_change": "no"})
    sign_in(client, world.lead)
    page = client.get(f"/voice/projects/{world.project.pk}/records/").content.decode()
    assert "govuk-warning-text" in page and "could not change things" in page


def test_a_check_in_once_every_few_months(client):
    world = voice_world()
    sign_in(client, world.citizen)
    url = f"/voice/projects/{world.project.pk}/check-in/"
    refused = client.post(url, {"heard": "yes"})
    assert "Choose an answer for" in refused.content.decode()
    assert client.post(url, ALL_YES).status_code == 302
    again = client.post(url, ALL_YES)
    assert "already answered" in again.content.decode()


def test_outcomes_with_before_and_after_measures(client):
    world = voice_world()
    sign_in(client, world.lead)
    url = f"/voice/projects/{world.project.pk}/outcomes/"
    client.post(url, {"aim": "Fewer missed buses", "measure": "Complaints a month"})
    outcome = selectors.outcomes_for(project=world.project)[0]
    measures = f"/voice/projects/{world.project.pk}/outcomes/{outcome.pk}/measures/"
    client.post(measures, {"when": "before", "value": "40", "measured_on": "2026-01-01"})
    client.post(measures, {"when": "after", "value": "12", "measured_on": "2026-09-01"})
    page = client.get(url).content.decode()
    assert "Fewer missed buses" in page and "40" in page and "12" in page
    # A member who does not run the project reads them but cannot add any.
    sign_in(client, world.citizen)
    assert client.post(url, {"aim": "x", "measure": "y"}).status_code == 404
    assert client.get(measures).status_code == 404
