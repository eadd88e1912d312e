"""A person's own learning record: the staircase ordering exercise, the tips checklist, values
and skills check-ins with their growth chart, and the private journal. Every page shows the
signed-in person's own rows only; anyone else's id answers 404 (AZ-1)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.learning import permissions as perms
from copro.learning import selectors_growth as growth
from copro.learning import services_growth as services
from copro.learning.constants import ORDERING_INTRO
from copro.learning.forms import JournalEntryForm, RecipeForm, StaircaseOrderForm, TipsForm
from copro.learning.models import TipAnswer


def _post(request: HttpRequest):
    return request.POST if request.method == "POST" else None


# --- Staircase ordering ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def ordering(request: HttpRequest) -> HttpResponse:
    form = StaircaseOrderForm(_post(request), steps=growth.staircase_steps())
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.ordering_submit(person=request.user, placed=form.placed())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(attempt)
    context = {
        "form": form,
        "intro": ORDERING_INTRO,
        "attempts": growth.ordering_attempts_of(person=request.user),
    }
    return render(request, "learning/ordering.html", context)


@login_required
@require_GET
def ordering_attempt(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = perms.ordering_attempt_get_for_owner(viewer=request.user, pk=pk, request=request)
    rows, steps = growth.ordering_feedback(attempt=attempt)
    context = {"attempt": attempt, "rows": rows, "steps": steps}
    return render(request, "learning/ordering_attempt.html", context)


# --- Tips checklist -------------------------------------------------------------------------


@login_required
@require_GET
def tips(request: HttpRequest) -> HttpResponse:
    check_ins, rows = growth.tip_history(person=request.user)
    return render(request, "learning/tips.html", {"check_ins": check_ins, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def tips_new(request: HttpRequest) -> HttpResponse:
    form = TipsForm(_post(request), tips=growth.tips())
    if request.method == "POST" and form.is_valid():
        check_in = services.tips_check_in(person=request.user, answers=form.answers())
        messages.success(request, "Your answers have been saved.")
        return redirect(check_in)
    return render(request, "learning/tips_new.html", {"form": form})


@login_required
@require_GET
def tip_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    check_in = perms.tip_check_in_get_for_owner(viewer=request.user, pk=pk, request=request)
    answers = list(check_in.answers.select_related("tip"))
    wanted = [a.tip for a in answers if a.answer == TipAnswer.Answer.MORE_INFORMATION]
    resources = growth.tip_resources(tips_wanted=wanted, person=request.user)
    rows = [(a, resources.get(a.tip_id)) for a in answers]
    toolkit_note = any(not r["toolkit_unlocked"] for r in resources.values())
    context = {"check_in": check_in, "rows": rows, "toolkit_note": toolkit_note}
    return render(request, "learning/tip_check_in.html", context)


# --- Values and skills ----------------------------------------------------------------------


@login_required
@require_GET
def recipe(request: HttpRequest) -> HttpResponse:
    return render(
        request, "learning/recipe.html", {"growth": growth.recipe_growth(person=request.user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def recipe_new(request: HttpRequest) -> HttpResponse:
    items = growth.recipe_items()
    form = RecipeForm(_post(request), items=items)
    if request.method == "POST" and form.is_valid():
        check_in = services.recipe_check_in(
            person=request.user, values=form.ratings("value"), skills=form.ratings("skill")
        )
        messages.success(request, "Your ratings have been saved.")
        return redirect(check_in)
    values = [form[i.field_name] for i in items if i.kind == "value"]
    skills = [form[i.field_name] for i in items if i.kind == "skill"]
    context = {"form": form, "values": values, "skills": skills}
    return render(request, "learning/recipe_new.html", context)


@login_required
@require_GET
def recipe_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    check_in = perms.recipe_check_in_get_for_owner(viewer=request.user, pk=pk, request=request)
    ratings = growth.recipe_ratings(check_in=check_in)
    return render(
        request, "learning/recipe_check_in.html", {"check_in": check_in, "ratings": ratings}
    )


# --- Journal --------------------------------------------------------------------------------


@login_required
@require_GET
def journal(request: HttpRequest) -> HttpResponse:
    entries = growth.journal_entries_of(person=request.user)
    return render(request, "learning/journal.html", {"entries": entries})


@login_required
@sensitive_post_parameters("reflection")
@require_http_methods(["GET", "POST"])
def journal_new(request: HttpRequest) -> HttpResponse:
    form = JournalEntryForm(_post(request), initial={"question": request.GET.get("question")})
    if request.method == "POST" and form.is_valid():
        entry = services.journal_entry_add(
            person=request.user,
            question=form.cleaned_data["question"],
            reflection=form.cleaned_data["reflection"],
        )
        messages.success(request, "Your reflection has been saved. Only you can read it.")
        return redirect(entry)
    return render(request, "learning/journal_new.html", {"form": form})


@login_required
@require_GET
def journal_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = perms.journal_entry_get_for_owner(viewer=request.user, pk=pk, request=request)
    return render(request, "learning/journal_entry.html", {"entry": entry})


@login_required
@require_POST
def journal_entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = perms.journal_entry_get_for_owner(viewer=request.user, pk=pk, request=request)
    services.journal_entry_delete(entry=entry, by=request.user)
    messages.success(request, "Your reflection has been deleted.")
    return redirect("learning:journal")
