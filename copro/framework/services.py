"""Writes for the guidance content: loading `content/framework.toml` into the database.

The same loader runs from the data migration (with the migration's historical models), from
`copro framework_load` and from `copro demo`. It matches rows by slug, so running it again changes
nothing; rows that are no longer in the file are left alone (other records may point at them) and
only counted.
"""

import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.apps import apps as installed_apps
from django.apps.registry import Apps
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction

from copro.framework import validators

CONTENT_PATH = Path(__file__).resolve().parent / "content" / "framework.toml"

# The tables of the content file, in the order they load, and the model each one fills.
TABLES: tuple[tuple[str, str], ...] = (
    ("pages", "LearnPage"),
    ("people_kinds", "PeopleKind"),
    ("principles", "Principle"),
    ("staircase_steps", "StaircaseStep"),
    ("statements", "Statement"),
    ("environment", "EnvironmentValue"),
    ("values", "Value"),
    ("skills", "Skill"),
    ("litmus_questions", "LitmusQuestion"),
    ("tips", "Tip"),
    ("seven_steps", "SevenStep"),
    ("groups", "NetworkGroup"),
    ("training_levels", "TrainingLevel"),
    ("self_test_questions", "SelfTestQuestion"),
    ("glossary", "GlossaryTerm"),
)

# Set by the database or by whoever edits a row, never by the content file.
_NOT_FROM_FILE = {"id", "created_at", "updated_at", "created_by", "updated_by"}

Row = dict[str, Any]


def framework_load(*, path: Path | None = None, apps: Apps | None = None) -> dict[str, int]:
    """Create or update every row of the content file, matching rows by slug.

    Returns how many rows were created, updated and unchanged, and how many rows in the
    database are no longer in the file. Raises `ValidationError` naming the table and slug of the
    first bad row; then nothing is saved.

    A data migration passes its `apps` registry. The loader then uses the historical models and
    skips fields and tables they do not have yet; a later migration that adds a field should load
    the content again.
    """
    content = _read(path or CONTENT_PATH)
    strict = apps is None
    registry = apps or installed_apps
    counts: Counter[str] = Counter(created=0, updated=0, unchanged=0, not_in_file=0)
    with transaction.atomic():
        for table, model_name in TABLES:
            try:
                model = registry.get_model("framework", model_name)
            except LookupError:
                if strict:
                    raise
                continue  # a historical state from before this table existed
            counts.update(_load_table(table, model, content.get(table, []), strict=strict))
    return dict(counts)


def _read(path: Path) -> dict[str, list[Row]]:
    try:
        content = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ValidationError(
            f"Could not read the guidance file {path}: {error.strerror}."
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ValidationError(f"The guidance file {path} is not valid TOML: {error}.") from error
    known = {table for table, _ in TABLES}
    unknown = sorted(set(content) - known)
    if unknown:
        raise ValidationError(
            f"The guidance file has tables this service does not know: {', '.join(unknown)}. "
            f"Check the spelling. The known tables are: {', '.join(sorted(known))}."
        )
    for table, rows in content.items():
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ValidationError(
                f"In the guidance file, {table} must be written as [[{table}]] entries."
            )
    return content


def _load_table(table: str, model: type[models.Model], rows: list[Row], *, strict: bool) -> Counter:
    fields = [field for field in model._meta.concrete_fields if field.name not in _NOT_FROM_FILE]
    slugs = _slugs(table, rows)
    existing = {obj.slug: obj for obj in model._default_manager.filter(slug__in=slugs)}
    counts: Counter[str] = Counter()
    for row in rows:
        values = _values(table, row, fields, strict=strict)
        obj = existing.get(row["slug"])
        if obj is None:
            obj = model(**values)
            _validate(table, obj)
            obj.save()
            counts["created"] += 1
            continue
        before = {name: getattr(obj, name) for name in values}
        for name, value in values.items():
            setattr(obj, name, value)
        _validate(table, obj)
        if any(getattr(obj, name) != before[name] for name in values):
            obj.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    _AFTER_TABLE.get(table, _nothing)(table, model, rows)
    counts["not_in_file"] = model._default_manager.exclude(slug__in=slugs).count()
    return counts


def _slugs(table: str, rows: list[Row]) -> list[str]:
    slugs: list[str] = []
    for position, row in enumerate(rows, start=1):
        slug = row.get("slug")
        if not isinstance(slug, str) or not slug:
            raise ValidationError(f"Entry number {position} in [[{table}]] has no slug.")
        if slug in slugs:
            raise ValidationError(f"The slug '{slug}' is used twice in [[{table}]].")
        slugs.append(slug)
    return slugs


def _values(table: str, row: Row, fields: list, *, strict: bool) -> dict[str, Any]:
    names = {field.name for field in fields}
    unknown = sorted(set(row) - names)
    if unknown and strict:
        raise ValidationError(
            f"The '{row['slug']}' entry in [[{table}]] has fields this service does not know: "
            f"{', '.join(unknown)}."
        )
    # A field left out of the file goes back to its default, so the file always decides.
    return {field.name: row.get(field.name, field.get_default()) for field in fields}


def _validate(table: str, obj: models.Model) -> None:
    try:
        obj.full_clean()
        _ROW_CHECKS.get(table, _nothing)(obj)
    except ValidationError as error:
        raise ValidationError(
            f"The '{obj.slug}' entry in [[{table}]] is not right. {_describe(error)}"
        ) from error


def _describe(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for field, messages in error.message_dict.items():
        text = " ".join(messages)
        parts.append(text if field == NON_FIELD_ERRORS else f"{field}: {text}")
    return " ".join(parts)


def _check_self_test_answers(obj: models.Model) -> None:
    # Historical models in migrations have no custom clean(), so the loader checks this itself.
    validators.check_answers(options=obj.options, correct=obj.correct)


def _check_glossary_links(table: str, model: type[models.Model], rows: list[Row]) -> None:
    """Every "see also" must point at a term that exists once the whole table is loaded."""
    known = set(model._default_manager.values_list("slug", flat=True))
    for row in rows:
        try:
            validators.check_see_also(
                slug=row["slug"], see_also=row.get("see_also", []), known=known
            )
        except ValidationError as error:
            raise ValidationError(
                f"The '{row['slug']}' entry in [[{table}]] is not right. {_describe(error)}"
            ) from error


def _nothing(*args: Any) -> None:
    return None


_ROW_CHECKS: dict[str, Callable[[models.Model], None]] = {
    "self_test_questions": _check_self_test_answers,
}
_AFTER_TABLE: dict[str, Callable[[str, type[models.Model], list[Row]], None]] = {
    "glossary": _check_glossary_links,
}
