"""Loading the guidance content from framework.toml (services.framework_load)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from copro.framework.models import (
    GlossaryTerm,
    LearnPage,
    NetworkGroup,
    PeopleKind,
    Principle,
    SelfTestQuestion,
    SevenStep,
    Skill,
    StaircaseStep,
    Statement,
    Tip,
    TrainingLevel,
    Value,
)
from copro.framework.services import TABLES, framework_load
from tests.framework.helpers import ALL_MODELS, row

EXPECTED_COUNTS = [
    (LearnPage, 8),
    (PeopleKind, 2),
    (Principle, 4),
    (StaircaseStep, 7),
    (Value, 8),
    (Skill, 13),
    (Tip, 7),
    (SevenStep, 7),
    (NetworkGroup, 4),
    (TrainingLevel, 3),
    (SelfTestQuestion, 4),
]


def _empty_every_table():
    # Rows other apps seed from the guidance in their migrations (the audit's statements
    # under each principle) protect it: they go first.
    from copro.readiness.models import AuditStatement

    AuditStatement.objects.all().delete()
    for model in ALL_MODELS:
        model.objects.all().delete()


def _total_rows() -> int:
    return sum(model.objects.count() for model in ALL_MODELS)


def _assert_content_counts():
    for model, expected in EXPECTED_COUNTS:
        assert model.objects.count() == expected, model.__name__
    assert Statement.objects.filter(kind=Statement.Kind.IS).count() == 9
    assert Statement.objects.filter(kind=Statement.Kind.IS_NOT).count() == 9
    assert GlossaryTerm.objects.count() >= 25
    assert set(LearnPage.objects.values_list("slug", flat=True)) == {
        "what-is-co-production",
        "principles",
        "staircase",
        "is-and-is-not",
        "right-environment",
        "seven-steps",
        "glossary",
        "about",
    }


@pytest.mark.django_db
def test_the_data_migration_has_loaded_every_table():
    _assert_content_counts()


@pytest.mark.django_db
def test_loading_into_empty_tables_creates_every_row():
    _empty_every_table()

    counts = framework_load()

    _assert_content_counts()
    assert counts == {
        "created": _total_rows(),
        "updated": 0,
        "unchanged": 0,
        "not_in_file": 0,
    }


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    framework_load()
    before = {model: list(model.objects.values_list("pk", "updated_at")) for model in ALL_MODELS}

    counts = framework_load()

    assert counts == {"created": 0, "updated": 0, "unchanged": _total_rows(), "not_in_file": 0}
    after = {model: list(model.objects.values_list("pk", "updated_at")) for model in ALL_MODELS}
    assert after == before


@pytest.mark.django_db
def test_staircase_steps_are_in_order_from_coerce_to_co_produce():
    steps = list(StaircaseStep.objects.values_list("order", "slug", "shares_power"))

    assert steps == [
        (1, "coerce", False),
        (2, "educate", False),
        (3, "inform", False),
        (4, "consult", False),
        (5, "engage", False),
        (6, "co-design", True),
        (7, "co-produce", True),
    ]


@pytest.mark.django_db
def test_a_row_changed_in_the_database_is_put_back_from_the_file():
    Principle.objects.filter(slug="equality").update(name="Something else")

    counts = framework_load()

    assert counts["updated"] == 1
    assert Principle.objects.get(slug="equality").name == "Equality"


@pytest.mark.django_db
def test_a_changed_file_updates_the_row_with_the_same_slug(content, write_content):
    row(content, "principles", "access")["in_practice"] = ["Ask people what they need"]

    counts = framework_load(path=write_content(content))

    assert counts["updated"] == 1
    assert counts["created"] == 0
    assert Principle.objects.get(slug="access").in_practice == ["Ask people what they need"]
    assert Principle.objects.count() == 4


@pytest.mark.django_db
def test_rows_no_longer_in_the_file_are_left_alone_and_counted():
    Tip.objects.create(order=99, slug="old-tip", name="An old tip", description="Gone now.")

    counts = framework_load()

    assert counts["not_in_file"] == 1
    assert Tip.objects.filter(slug="old-tip").exists()


@pytest.mark.django_db
def test_the_loader_works_with_the_migration_s_historical_models():
    state = MigrationLoader(connection).project_state(("framework", "0002_load_content"))

    counts = framework_load(apps=state.apps)

    assert counts["created"] == 0
    assert counts["unchanged"] == _total_rows()


def test_every_table_in_the_file_has_a_model():
    assert [table for table, _ in TABLES] == [
        "pages",
        "people_kinds",
        "principles",
        "staircase_steps",
        "statements",
        "environment",
        "values",
        "skills",
        "litmus_questions",
        "tips",
        "seven_steps",
        "groups",
        "training_levels",
        "self_test_questions",
        "glossary",
    ]


# --- Bad content: a plain message naming the table and slug, and nothing saved ---------------


def _step_order_8(content):
    row(content, "staircase_steps", "co-produce")["order"] = 8
    return ["staircase_steps", "co-produce", "1 to 7"]


def _statement_kind_maybe(content):
    row(content, "statements", "not-a-quick-fix")["kind"] = "maybe"
    return ["statements", "not-a-quick-fix", "kind"]


def _litmus_area_unknown(content):
    content["litmus_questions"][0]["area"] = "feelings"
    return ["litmus_questions", content["litmus_questions"][0]["slug"], "area"]


def _answer_out_of_range(content):
    row(content, "self_test_questions", "rewards")["correct"] = [0, 7]
    return ["self_test_questions", "rewards", "7"]


def _see_also_unknown_term(content):
    row(content, "glossary", "agenda")["see_also"] = ["no-such-term"]
    return ["glossary", "agenda", "no-such-term"]


def _empty_name(content):
    row(content, "values", "everyone-is-equal")["name"] = ""
    return ["values", "everyone-is-equal", "name"]


def _unknown_field(content):
    row(content, "tips", content["tips"][0]["slug"])["colour"] = "red"
    return ["tips", "colour"]


def _duplicate_slug(content):
    content["skills"][1]["slug"] = content["skills"][0]["slug"]
    return ["skills", content["skills"][0]["slug"], "twice"]


def _unknown_table(content):
    content["principle"] = [{"order": 1, "slug": "typo"}]
    return ["principle"]


def _missing_slug(content):
    del content["groups"][2]["slug"]
    return ["groups", "3", "no slug"]


def _in_practice_not_a_list(content):
    row(content, "principles", "diversity")["in_practice"] = "Be inclusive"
    return ["principles", "diversity", "in_practice"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spoil",
    [
        _step_order_8,
        _statement_kind_maybe,
        _litmus_area_unknown,
        _answer_out_of_range,
        _see_also_unknown_term,
        _empty_name,
        _unknown_field,
        _duplicate_slug,
        _unknown_table,
        _missing_slug,
        _in_practice_not_a_list,
    ],
)
def test_bad_content_is_refused_with_a_plain_message_and_nothing_saved(
    spoil, content, write_content
):
    # A good change early in the file must be rolled back with the bad row later on.
    row(content, "pages", "about")["title"] = "Changed title"
    expected_words = spoil(content)
    path = write_content(content)

    with pytest.raises(ValidationError) as caught:
        framework_load(path=path)

    message = " ".join(caught.value.messages)
    for words in expected_words:
        assert words in message
    assert LearnPage.objects.get(slug="about").title == "About this service"


@pytest.mark.django_db
def test_bad_content_into_empty_tables_leaves_them_empty(content, write_content):
    _empty_every_table()
    _step_order_8(content)

    with pytest.raises(ValidationError):
        framework_load(path=write_content(content))

    assert _total_rows() == 0


@pytest.mark.django_db
def test_a_file_that_is_not_toml_is_refused(tmp_path):
    path = tmp_path / "framework.toml"
    path.write_text("[[pages]\nslug = ", encoding="utf-8")

    with pytest.raises(ValidationError, match="not valid TOML"):
        framework_load(path=path)


@pytest.mark.django_db
def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="Could not read"):
        framework_load(path=tmp_path / "missing.toml")
