"""Helpers for tests that load a changed copy of the content file."""

import json
from typing import Any

from django.test.html import Element, parse_html

from copro.framework.models import (
    EnvironmentValue,
    GlossaryTerm,
    LearnPage,
    LitmusQuestion,
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

Content = dict[str, list[dict[str, Any]]]

# Every model the content file fills, in loading order.
ALL_MODELS = [
    LearnPage,
    PeopleKind,
    Principle,
    StaircaseStep,
    Statement,
    EnvironmentValue,
    Value,
    Skill,
    LitmusQuestion,
    Tip,
    SevenStep,
    NetworkGroup,
    TrainingLevel,
    SelfTestQuestion,
    GlossaryTerm,
]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # A JSON string without \u escapes is a valid TOML basic string.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"No TOML for {type(value).__name__}")


def to_toml(content: Content) -> str:
    """Just enough TOML writing for the content file: arrays of flat tables."""
    lines = []
    for table, rows in content.items():
        for entry in rows:
            lines.append(f"[[{table}]]")
            lines.extend(f"{key} = {_toml_value(value)}" for key, value in entry.items())
            lines.append("")
    return "\n".join(lines)


def row(content: Content, table: str, slug: str) -> dict[str, Any]:
    return next(item for item in content[table] if item["slug"] == slug)


# --- Reading pages: Django's own HTML parser, so no extra test dependency ----------------------


def page_tree(response) -> Element:
    return parse_html(response.content.decode())


def find_all(root: Element, name: str, cls: str | None = None, **attrs: str) -> list[Element]:
    """Every element under `root` with this tag name, class and attributes, in document order."""
    found = []
    for child in root.children:
        if not isinstance(child, Element):
            continue
        element_attrs = dict(child.attributes)
        classes = (element_attrs.get("class") or "").split()
        if (
            child.name == name
            and (cls is None or cls in classes)
            and all(element_attrs.get(key) == value for key, value in attrs.items())
        ):
            found.append(child)
        found.extend(find_all(child, name, cls, **attrs))
    return found


def find_one(root: Element, name: str, cls: str | None = None, **attrs: str) -> Element:
    found = find_all(root, name, cls, **attrs)
    assert len(found) == 1, f"expected one <{name} class={cls!r} {attrs}>, found {len(found)}"
    return found[0]


def text(element: Element | str) -> str:
    """The text inside an element, with runs of white space made single spaces."""
    if isinstance(element, str):
        return " ".join(element.split())
    return " ".join(" ".join(text(child) for child in element.children).split())


def attr(element: Element, name: str) -> str | None:
    return dict(element.attributes).get(name)
