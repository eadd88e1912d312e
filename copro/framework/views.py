"""The public "Learn" pages: the co-production guidance, readable without signing in."""

from collections.abc import Callable
from itertools import groupby
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from copro.framework import easy_read, selectors
from copro.framework.models import GlossaryTerm


def _what_is_co_production() -> dict[str, Any]:
    return {"people_kinds": selectors.people_kinds()}


def _principles() -> dict[str, Any]:
    return {"principles": selectors.principles()}


def _staircase() -> dict[str, Any]:
    steps = selectors.staircase_steps()
    return {"steps": steps, "steps_sharing_power": [step for step in steps if step.shares_power]}


def _is_and_is_not() -> dict[str, Any]:
    statements = selectors.statements_by_kind()
    return {"statements_is": statements["is"], "statements_is_not": statements["is_not"]}


def _right_environment() -> dict[str, Any]:
    litmus = selectors.litmus_questions_by_area()
    return {
        "environment_values": selectors.environment_values(),
        "values": selectors.values(),
        "skills": selectors.skills(),
        "litmus_values": litmus["values"],
        "litmus_skills": litmus["skills"],
    }


def _seven_steps() -> dict[str, Any]:
    return {"seven_steps": selectors.seven_steps(), "tips": selectors.tips()}


# What each Learn page shows after its body. A page an administrator adds shows its body only.
_PAGE_SECTIONS: dict[str, Callable[[], dict[str, Any]]] = {
    "what-is-co-production": _what_is_co_production,
    "principles": _principles,
    "staircase": _staircase,
    "is-and-is-not": _is_and_is_not,
    "right-environment": _right_environment,
    "seven-steps": _seven_steps,
}


def _render_page(
    request: HttpRequest,
    slug: str,
    template: str,
    sections: Callable[[], dict[str, Any]] | None = None,
) -> HttpResponse:
    """A Learn page: its title and body, the sections after it, and the links to its neighbours."""
    sequence = selectors.learn_page_in_sequence(slug=slug)
    context = {"page": sequence.page, "sequence": sequence, **(sections() if sections else {})}
    return render(request, template, context)


@require_GET
def learn(request: HttpRequest) -> HttpResponse:
    return render(request, "framework/learn.html", {"pages": selectors.learn_pages()})


@require_GET
def page(request: HttpRequest, slug: str) -> HttpResponse:
    sections = _PAGE_SECTIONS.get(slug)
    if sections is None:
        return _render_page(request, slug, "framework/page.html")
    return _render_page(request, slug, f"framework/page_{slug.replace('-', '_')}.html", sections)


def _glossary() -> dict[str, Any]:
    terms = selectors.glossary_terms()
    names = {term.slug: term.term for term in terms}
    entries = [
        {
            "term": term,
            "see_also": [(slug, names[slug]) for slug in term.see_also if slug in names],
        }
        for term in terms
    ]
    letters = [
        {"letter": letter, "anchor": f"letter-{letter.lower()}", "entries": list(group)}
        for letter, group in groupby(entries, key=lambda entry: _first_letter(entry["term"]))
    ]
    return {"letters": letters}


def _about() -> dict[str, Any]:
    return {"network_groups": selectors.network_groups()}


@require_GET
def glossary(request: HttpRequest) -> HttpResponse:
    return _render_page(request, "glossary", "framework/glossary.html", _glossary)


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return _render_page(request, "about", "framework/about.html", _about)


def _first_letter(term: GlossaryTerm) -> str:
    letter = term.term[:1].upper()
    return letter if "A" <= letter <= "Z" else "Other"


@require_GET
def easy_read_list(request: HttpRequest) -> HttpResponse:
    return render(request, "framework/easy_read_list.html", {"pages": easy_read.PAGES})


@require_GET
def easy_read_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = easy_read.BY_SLUG.get(slug)
    if page is None:
        raise Http404
    back = reverse(page.standard[0], args=page.standard[1:])
    return render(request, "framework/easy_read.html", {"easy": page, "back": back})
