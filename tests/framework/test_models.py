"""Invariants the database itself keeps, whatever writes to it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from copro.framework.models import (
    GlossaryTerm,
    LearnPage,
    LitmusQuestion,
    SelfTestQuestion,
    StaircaseStep,
    Statement,
    split_paragraphs,
)


def _step(**fields):
    values = {"order": 3, "slug": "new-step", "name": "New", "summary": "s", "who_has_power": "w"}
    return StaircaseStep(example="e", **(values | fields))


@pytest.mark.django_db
@pytest.mark.parametrize("order", [0, 8])
def test_database_refuses_a_staircase_step_outside_1_to_7(order):
    with pytest.raises(IntegrityError), transaction.atomic():
        _step(order=order).save()


@pytest.mark.django_db
def test_database_refuses_two_staircase_steps_with_the_same_order():
    with pytest.raises(IntegrityError), transaction.atomic():
        _step(order=3).save()


@pytest.mark.django_db
def test_full_clean_explains_a_step_outside_1_to_7_in_plain_words():
    StaircaseStep.objects.filter(order=7).delete()

    with pytest.raises(ValidationError, match="must be a number from 1 to 7"):
        _step(order=8).full_clean()


@pytest.mark.django_db
def test_database_refuses_an_unknown_statement_kind():
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(order=50, slug="x", kind="maybe", text="t", explanation="e")


@pytest.mark.django_db
def test_database_refuses_an_unknown_litmus_area():
    with pytest.raises(IntegrityError), transaction.atomic():
        LitmusQuestion.objects.create(order=50, slug="x", area="feelings", text="t")


@pytest.mark.django_db
def test_database_refuses_a_second_row_with_the_same_slug():
    with pytest.raises(IntegrityError), transaction.atomic():
        GlossaryTerm.objects.create(order=99, slug="access", term="Access again", definition="d")


@pytest.mark.django_db
def test_self_test_answers_must_point_at_options():
    question = SelfTestQuestion.objects.get(slug="rewards")
    question.correct = [0, 4]

    with pytest.raises(ValidationError) as caught:
        question.full_clean()

    assert "numbered 0 to 3" in str(caught.value.message_dict["correct"])


@pytest.mark.django_db
def test_staircase_step_knows_whether_it_is_the_top():
    assert [step.is_top for step in StaircaseStep.objects.all()] == [False] * 6 + [True]
    assert str(StaircaseStep.objects.get(order=4)) == "Step 4: Consult"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "url"),
    [
        ("staircase", "/learn/staircase/"),
        ("glossary", "/learn/glossary/"),
        ("about", "/learn/about/"),
    ],
)
def test_learn_page_address(slug, url):
    assert LearnPage.objects.get(slug=slug).get_absolute_url() == url


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        ("One.", ["One."]),
        ("One\ntwo.\n\nThree.", ["One two.", "Three."]),
        ("\nOne.\r\n\r\nTwo.\n \t\nThree.\n", ["One.", "Two.", "Three."]),
        ("", []),
    ],
)
def test_body_splits_into_paragraphs_at_blank_lines(body, paragraphs):
    assert split_paragraphs(body) == paragraphs
