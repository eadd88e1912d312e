"""The staircase ordering exercise, posted as a plain form (no JavaScript): <select> boxes,
scoring, feedback in plain English, retakes, and scores kept for the person only."""

import re

import pytest
from django.urls import reverse

from copro.framework.models import StaircaseStep
from copro.learning import services_growth
from copro.learning.models import OrderingAttempt, QuizQuestion

URL = "/learning/quiz/staircase/"


def steps():
    return list(StaircaseStep.objects.order_by("order"))


def post_for(order: list[StaircaseStep]) -> dict:
    """The form as a browser without JavaScript sends it: one position per step."""
    return {f"step_{step.slug}": str(position) for position, step in enumerate(order, start=1)}


@pytest.mark.django_db
def test_the_exercise_is_plain_select_boxes_in_a_non_giveaway_order(client, citizen_a):
    client.force_login(citizen_a)
    page = client.get(reverse("learning:ordering")).content.decode()
    selects = re.findall(r'<select name="step_([a-z-]+)"', page)
    assert sorted(selects) == sorted(s.slug for s in steps())
    assert selects != [s.slug for s in steps()]  # not shown in the right order
    assert page.count('<option value="7">Position 7</option>') == 7
    assert "<script" not in page.split("<main")[1].split("</main>")[0]
    for step in steps():  # each select has a label
        assert f'<label class="govuk-label govuk-label--s" for="id_step_{step.slug}">' in page


@pytest.mark.django_db
def test_the_right_order_scores_full_marks(client, citizen_a):
    client.force_login(citizen_a)
    response = client.post(URL, post_for(steps()))
    attempt = OrderingAttempt.objects.get(person=citizen_a)
    assert response.status_code == 302 and response["Location"] == attempt.get_absolute_url()
    assert (attempt.score, attempt.out_of) == (7, 7)
    page = client.get(response["Location"]).content.decode()
    assert "You put 7 out of 7 steps in the right place" in page
    assert "every step is in the right place" in page


@pytest.mark.django_db
def test_a_wrong_order_is_scored_and_explained_in_plain_english(client, citizen_a):
    client.force_login(citizen_a)
    order = steps()
    order[3], order[4] = order[4], order[3]  # Consult and Engage swapped
    response = client.post(URL, post_for(order), follow=True)
    page = response.content.decode()
    assert "You put 5 out of 7 steps in the right place" in page
    assert page.count("Not quite") == 2
    # The feedback lists the steps in the right order, saying who has the power on each.
    explained = page.split("The right order, explained")[1]
    positions = [explained.index(f"<strong>{s.name}</strong>") for s in steps()]
    assert positions == sorted(positions)
    assert "citizens cannot challenge the plan or make the decision" in explained


@pytest.mark.django_db
def test_two_steps_at_one_position_are_refused_with_a_message_and_nothing_saved(client, citizen_a):
    client.force_login(citizen_a)
    data = post_for(steps())
    data["step_coerce"] = data["step_educate"]  # both at position 2
    data["step_co-produce"] = ""
    response = client.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Coerce and Educate are both at position 2" in page
    assert "Choose a position for Co-produce" in page
    assert "<title>Error: " in page
    assert OrderingAttempt.objects.count() == 0


@pytest.mark.django_db
def test_people_can_retake_and_see_only_their_own_scores(client, citizen_a, citizen_b):
    order = [s.slug for s in steps()]
    theirs = services_growth.ordering_submit(person=citizen_b, placed=order)
    client.force_login(citizen_a)
    client.post(URL, post_for(list(reversed(steps()))))
    client.post(URL, post_for(steps()))
    mine = set(OrderingAttempt.objects.filter(person=citizen_a).values_list("pk", flat=True))
    assert len(mine) == 2
    page = client.get(URL).content.decode()
    shown = {int(pk) for pk in re.findall(r"/learning/quiz/staircase/(\d+)/", page)}
    assert shown == mine and theirs.pk not in shown


def test_service_refuses_a_list_that_is_not_every_step_once(db, citizen_a):
    from django.core.exceptions import ValidationError

    order = [s.slug for s in steps()]
    for bad in (order[:-1], order[:-1] + order[:1], [*order[:-1], "made-up"]):
        with pytest.raises(ValidationError):
            services_growth.ordering_submit(person=citizen_a, placed=bad)
    assert OrderingAttempt.objects.count() == 0


@pytest.mark.django_db
def test_the_question_bank_has_a_scenario_for_every_step_of_the_staircase():
    scenarios = QuizQuestion.objects.filter(kind="scenario", is_active=True)
    assert scenarios.filter(question__icontains="survey about a plan it has already made").exists()
    answered = {q.options[i] for q in scenarios for i in q.correct}
    assert {s.name for s in steps()} <= answered
