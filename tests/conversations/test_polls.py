"""Quick polls and time polls: one vote per person (CONC-2), closing is consistent, results in
a table and a chart, the page says a poll is not a decision, and a time poll feeds the
fair-scheduling rules and can plan the meeting."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from copro.conversations import selectors, services
from copro.conversations.models import TimeAnswer, Vote
from copro.meetings.models import Meeting
from tests.concurrency import run_together, skip_on_sqlite

NOW = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


def _quick(world, **extra):
    return services.poll_open(
        project=world.project_a,
        question="Tea or coffee?",
        options=["Tea", "Coffee"],
        closes_at=timezone.now() + datetime.timedelta(days=2),
        by=world.lead,
        **extra,
    )


def _timed(world):
    base = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    times = [base + datetime.timedelta(days=d) for d in (10, 11)]
    return services.poll_open(
        project=world.project_a,
        question="Next meeting",
        times=times,
        closes_at=timezone.now() + datetime.timedelta(days=5),
        by=world.lead,
    )


def test_conc2_a_second_vote_changes_the_first(world):
    poll = _quick(world)
    tea, coffee = poll.options.all()
    services.poll_vote(poll=poll, option=tea, voter=world.asha)
    services.poll_vote(poll=poll, option=coffee, voter=world.asha)
    assert list(Vote.objects.values_list("voter", "option")) == [(world.asha.pk, coffee.pk)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_conc2_concurrent_votes_by_one_person_leave_one_row(world):
    skip_on_sqlite()
    poll = _quick(world)
    tea, coffee = poll.options.all()
    errors = run_together(
        [
            lambda o=o: services.poll_vote(poll=poll, option=o, voter=world.asha)
            for o in (tea, coffee) * 3
        ]
    )
    assert errors == []
    assert Vote.objects.filter(poll=poll, voter=world.asha).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_conc2_closing_while_people_vote_is_consistent(world):
    """Every vote either counted before the close or refused after it: none after."""
    skip_on_sqlite()
    poll = _quick(world)
    tea = poll.options.first()
    voters = [world.asha, world.ben, world.lead]
    jobs = [lambda v=v: services.poll_vote(poll=poll, option=tea, voter=v) for v in voters]
    jobs.append(lambda: services.poll_close(poll=poll, by=world.lead))
    errors = run_together(jobs)
    poll.refresh_from_db()
    assert all(isinstance(e, ValidationError) for e in errors)
    assert Vote.objects.filter(poll=poll).count() == len(voters) - len(errors)
    assert not Vote.objects.filter(poll=poll, voted_at__gt=poll.closed_at).exists()


def test_az12_no_vote_after_the_close(world):
    poll = _quick(world)
    services.poll_close(poll=poll, by=world.lead)
    with pytest.raises(ValidationError):
        services.poll_vote(poll=poll, option=poll.options.first(), voter=world.asha)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=3)):
        other = _quick(world)
    with pytest.raises(ValidationError):  # past its closing date
        services.poll_vote(poll=other, option=other.options.first(), voter=world.asha)


def test_poll_page_has_the_table_the_chart_and_says_it_is_not_a_decision(world, sign_in):
    poll = _quick(world)
    client = sign_in(world.asha)
    client.post(poll.get_absolute_url(), {"option": poll.options.first().pk})
    page = client.get(poll.get_absolute_url()).content.decode()
    assert "A poll is not a decision" in page
    assert '<svg class="app-chart" role="img"' in page
    assert "<table" in page and "Asha" in page  # named poll: who chose what


def test_an_anonymous_poll_never_shows_names(world, sign_in):
    poll = _quick(world, anonymous=True)
    sign_in(world.asha).post(poll.get_absolute_url(), {"option": poll.options.first().pk})
    page = sign_in(world.ben).get(poll.get_absolute_url()).content.decode()
    assert "Asha" not in page


def test_a_poll_needs_two_answers_and_a_future_close(world):
    with pytest.raises(ValidationError):
        services.poll_open(
            project=world.project_a,
            question="?",
            options=["Only one"],
            closes_at=timezone.now() + datetime.timedelta(days=1),
            by=world.lead,
        )
    with pytest.raises(ValidationError):
        services.poll_open(
            project=world.project_a,
            question="?",
            options=["A", "B"],
            closes_at=timezone.now() - datetime.timedelta(days=1),
            by=world.lead,
        )


def test_time_poll_ranks_experts_by_experience_as_the_scheduler_does(world):
    poll = _timed(world)
    first, second = poll.options.all()
    # Asha (expert by experience) can come to the second; Ben (staff) to the first.
    services.time_poll_answer(
        poll=poll, answers={first.pk: "no", second.pk: "yes"}, voter=world.asha
    )
    for person in (world.ben,):
        services.time_poll_answer(
            poll=poll, answers={first.pk: "yes", second.pk: "no"}, voter=person
        )
    results = selectors.time_results(poll=poll)
    # Asha weighs 2, Ben 1: the second time comes first.
    assert [r.option_id for r in results] == [second.pk, first.pk]
    assert results[0].experts_yes == 1


def test_time_poll_answers_once_per_person_and_time(world):
    poll = _timed(world)
    first, second = poll.options.all()
    for answer in ("yes", "if_need_be"):
        services.time_poll_answer(
            poll=poll, answers={first.pk: answer, second.pk: "no"}, voter=world.asha
        )
    assert TimeAnswer.objects.filter(voter=world.asha).count() == 2
    assert TimeAnswer.objects.get(option=first).answer == "if_need_be"


def test_the_lead_plans_the_meeting_at_the_chosen_time(world, sign_in):
    poll = _timed(world)
    chosen = poll.options.last()
    client = sign_in(world.lead)
    response = client.post(
        reverse("conversations:poll_schedule", args=[poll.pk]),
        {
            "option": chosen.pk,
            "title": "Next meeting",
            "purpose": "co-design",
            "online_link": "https://meet.example/x",
        },
    )
    meeting = Meeting.objects.get()
    assert meeting.starts_at == chosen.starts_at and meeting.project == world.project_a
    assert response["Location"] == meeting.url("detail")
    poll.refresh_from_db()
    assert poll.meeting == meeting and poll.closed_at is not None
    with pytest.raises(ValidationError):  # one meeting per poll
        services.time_poll_schedule(
            poll=poll, option=chosen, title="Again", online_link="https://x.example", by=world.lead
        )


def test_a_member_who_does_not_run_the_project_cannot_plan_the_meeting(world, sign_in):
    poll = _timed(world)
    client = sign_in(world.asha)
    url = reverse("conversations:poll_schedule", args=[poll.pk])
    assert client.post(url, {"option": poll.options.first().pk}).status_code == 404


@pytest.mark.parametrize("who", ["bea", "outsider"])
def test_az1_polls_are_for_the_project_only(world, sign_in, who):
    poll = _quick(world)
    client = sign_in(getattr(world, who))
    assert client.get(poll.get_absolute_url()).status_code == 404
    assert (
        client.post(poll.get_absolute_url(), {"option": poll.options.first().pk}).status_code == 404
    )
    assert not Vote.objects.exists()


def test_an_open_poll_is_on_the_members_to_do_list_until_answered(world):
    from copro.conversations.todo import open_polls

    poll = _quick(world)
    assert [item.url for item in open_polls(world.asha)] == [poll.get_absolute_url()]
    assert open_polls(world.bea) == []
    services.poll_vote(poll=poll, option=poll.options.first(), voter=world.asha)
    assert open_polls(world.asha) == []
