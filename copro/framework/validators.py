"""Checks on the list fields of the guidance content.

Field validators here are named in migrations, so keep each one (and its name) for as long as any
migration refers to it. The cross-field checks are plain functions so that the loader can run them
on the historical models a data migration uses, which have no custom `clean()`.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug


def validate_text_list(value: object) -> None:
    """A list of short pieces of text, none of them empty."""
    if not isinstance(value, list):
        raise ValidationError("This must be a list of text.")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValidationError("Every item in the list must be some text.")


def validate_index_list(value: object) -> None:
    """A non-empty list of different whole numbers, counting from 0."""
    if not isinstance(value, list) or not value:
        raise ValidationError("This must be a list with at least one number in it.")
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or item < 0:
            raise ValidationError("Every item in the list must be a whole number from 0 upwards.")
    if len(set(value)) != len(value):
        raise ValidationError("The same number is in the list more than once.")


def validate_slug_list(value: object) -> None:
    """A list of slugs, such as the glossary entries a term points to."""
    if not isinstance(value, list):
        raise ValidationError("This must be a list of slugs.")
    for item in value:
        if not isinstance(item, str):
            raise ValidationError("Every item in the list must be a slug.")
        validate_slug(item)


def check_answers(*, options: list, correct: list) -> None:
    """Every right answer of a self-test question must be one of its options."""
    if not isinstance(options, list) or not isinstance(correct, list):
        return  # the field validators report the shape
    wrong = [i for i in correct if isinstance(i, int) and not 0 <= i < len(options)]
    if wrong:
        raise ValidationError(
            {
                "correct": (
                    f"The right answers must point at the options, which are numbered 0 to "
                    f"{len(options) - 1}. These do not: {', '.join(map(str, wrong))}."
                )
            }
        )


def check_see_also(*, slug: str, see_also: list, known: Iterable[str]) -> None:
    """A glossary term may only point at other terms that exist."""
    if not isinstance(see_also, list):
        return
    if slug in see_also:
        raise ValidationError({"see_also": "A term cannot point at itself."})
    missing = sorted(set(see_also) - set(known))
    if missing:
        raise ValidationError(
            {"see_also": f"These glossary terms do not exist: {', '.join(missing)}."}
        )
