"""The quiz: the seeded question bank, scoring, feedback, retakes."""

import pytest
from django.urls import reverse

from copro.learning import selectors, services
from copro.learning.models import QuizAttempt, QuizQuestion


def right_answers(questions) -> dict[str, list[str] | str]:
    data = {}
    for q in questions:
        values = [str(i) for i in q.correct]
        data[f"question_{q.pk}"] = values if q.choose_several else values[0]
    return data


@pytest.mark.django_db
def test_the_bank_starts_with_four_self_test_questions_and_scenarios():
    kinds = list(QuizQuestion.objects.values_list("kind", flat=True))
    assert kinds.count("self_test") == 4
    assert kinds.count("scenario") >= 3
    scenario = QuizQuestion.objects.get(question__startswith="The council sends a survey")
    assert scenario.options[scenario.correct[0]] == "Consult"
    for question in QuizQuestion.objects.all():
        question.full_clean()


@pytest.mark.django_db
def test_a_question_is_right_only_with_exactly_the_right_options():
    several = QuizQuestion.objects.filter(kind="self_test", correct__len=3).first() or next(
        q for q in QuizQuestion.objects.all() if len(q.correct) == 3
    )
    assert services.is_right(several, [0, 1, 2])
    assert services.is_right(several, [2, 1, 0])
    assert not services.is_right(several, [0, 1])
    assert not services.is_right(several, [0, 1, 2, 3])
    assert not services.is_right(several, [])


@pytest.mark.django_db
def test_scoring_counts_the_questions_answered_rightly(citizen_a):
    questions = selectors.quiz_questions()
    answers = {q.pk: list(q.correct) for q in questions}
    first = questions[0]
    answers[first.pk] = [i for i in range(len(first.options)) if i not in first.correct][:1]
    attempt = services.quiz_submit(person=citizen_a, answers=answers, questions=questions)
    assert (attempt.score, attempt.out_of) == (len(questions) - 1, len(questions))
    assert attempt.answers.filter(is_right=False).get().question == first


@pytest.mark.django_db
def test_taking_the_quiz_shows_each_answer_explained(client, citizen_a):
    client.force_login(citizen_a)
    questions = selectors.quiz_questions()
    data = right_answers(questions)
    scenario = next(q for q in questions if q.question.startswith("The council sends a survey"))
    data[f"question_{scenario.pk}"] = "0"  # Inform, which is wrong
    response = client.post(reverse("learning:quiz"), data, follow=True)
    body = response.content.decode()
    assert f"You got {len(questions) - 1} out of {len(questions)}" in body
    assert "You chose: Inform." in body and "The right answer: Consult." in body
    assert scenario.explanation in body
    assert all(q.explanation.replace("'", "&#x27;") in body for q in questions)


@pytest.mark.django_db
def test_people_can_retake_and_keep_every_score(client, citizen_a):
    client.force_login(citizen_a)
    questions = selectors.quiz_questions()
    client.post(reverse("learning:quiz"), right_answers(questions))
    client.post(reverse("learning:quiz"), right_answers(questions))
    assert QuizAttempt.objects.filter(person=citizen_a).count() == 2
    body = client.get(reverse("learning:quiz")).content.decode()
    assert body.count(f"{len(questions)} out of {len(questions)}") == 2


@pytest.mark.django_db
def test_io9_missing_answers_are_explained_and_nothing_is_kept(client, citizen_a):
    client.force_login(citizen_a)
    body = client.post(reverse("learning:quiz"), {}).content.decode()
    assert "There is a problem" in body
    assert "Choose an answer to this question" in body
    assert "Choose at least one answer to this question" in body
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_an_answer_that_is_not_an_option_is_refused(client, citizen_a):
    client.force_login(citizen_a)
    questions = selectors.quiz_questions()
    data = right_answers(questions)
    data[f"question_{questions[1].pk}"] = "99"
    response = client.post(reverse("learning:quiz"), data)
    assert response.status_code == 200
    assert not QuizAttempt.objects.exists()


@pytest.mark.django_db
def test_questions_administrators_switch_off_are_left_out(client, citizen_a):
    QuizQuestion.objects.filter(kind="scenario").update(is_active=False)
    client.force_login(citizen_a)
    body = client.get(reverse("learning:quiz")).content.decode()
    assert "The council sends a survey" not in body
    assert "What makes co-production different from engagement?" in body
