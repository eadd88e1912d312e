""" "What's next for you": the signed-in home page's personal to-do list.

Each app that has something waiting for a person registers a provider in its AppConfig.ready():

    from copro.core import todo
    todo.register(my_provider)

A provider takes the signed-in user and returns a list of `TodoItem`. It must cost a fixed,
small number of queries whatever the data size. The home page shows all items, most urgent
first. Core imports no app: the apps register themselves (STYLE.md layering).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TodoItem:
    title: str  # what to do, in plain words: "Give your view on 'Where should the cafe go?'"
    url: str
    # When it is due, if it has a date; items due sooner come first, undated items last.
    due: datetime.datetime | None = None
    # A short line under the title: "Closes on 7 March 2027", "Waiting 12 days".
    detail: str = ""
    # Lower is more urgent when two items have no date or the same one.
    priority: int = 50
    # For grouping on the page: "decisions", "meetings", "ideas", "records", "money", ...
    group: str = ""


# The group of a first visit's guided start: the home page shows it apart, and it can be skipped.
START = "start"

Provider = Callable[[object], list[TodoItem]]
_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def items_for(user) -> list[TodoItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    items: list[TodoItem] = []
    for provider in _PROVIDERS:
        items.extend(provider(user))
    far_future = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return sorted(items, key=lambda item: (item.due or far_future, item.priority, item.title))
