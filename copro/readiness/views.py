"""Readiness and audit pages. Each view: get the object through a permission getter, validate,
call one service, redirect (POST/redirect/GET)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.people.models import User
from copro.projects.permissions import project_list_visible
from copro.readiness import charts, selectors, services
from copro.readiness import permissions as perms
from copro.readiness.forms import ActionForm, PersonForm, ReadinessForm, RoundForm, ScoreForm
from copro.readiness.models import AuditRound


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


# Readiness


@login_required
@require_GET
def readiness_home(request: HttpRequest) -> HttpResponse:
    perms.readiness_check(viewer=request.user, request=request)
    steps = selectors.readiness_summary()
    return render(
        request,
        "readiness/home.html",
        {
            "steps": steps,
            "overdue": [s for s in steps if s.overdue],
            "done": sum(1 for s in steps if s.status == "done"),
            "can_change": perms.can_change_readiness(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def step_detail(request: HttpRequest, pk: int) -> HttpResponse:
    step = perms.step_get_for_viewer(viewer=request.user, pk=pk, request=request)
    can_change = perms.can_change_readiness(request.user)
    if request.method == "POST" and not can_change:
        raise Http404
    summary = selectors.step_summary(step=step)
    initial = {
        "status": summary.status,
        "owner": summary.owner,
        "evidence": summary.evidence,
        "review_on": summary.review_on,
    }
    form = ReadinessForm(_data(request), initial=initial, owners=selectors.possible_owners())
    if request.method == "POST" and form.is_valid():
        try:
            services.readiness_update(step=step, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, f"Saved: {step.name}.")
            return redirect("readiness:step", step.pk)
    return render(
        request,
        "readiness/step.html",
        {
            "step": step,
            "summary": summary,
            "form": form if can_change else None,
            "changes": selectors.readiness_changes(step=step),
        },
    )


# Audit rounds


@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "readiness/rounds.html",
        {
            "rounds": selectors.rounds_for_viewer(viewer=request.user),
            "can_run": perms.can_run_rounds(request.user),
            "can_see_readiness": perms.can_see_readiness(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_new(request: HttpRequest) -> HttpResponse:
    if not perms.can_run_rounds(request.user):
        request.refused_object_type = "audit round"
        raise Http404
    projects = project_list_visible(viewer=request.user).order_by("title")
    form = RoundForm(_data(request), projects=projects)
    if request.method == "POST" and form.is_valid():
        try:
            found = services.round_start(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, "The round has started. Now add the people taking part.")
            return redirect("readiness:people", found.pk)
    return render(request, "readiness/round_new.html", {"form": form})


@require_GET
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = perms.round_get_for_viewer(viewer=request.user, pk=pk, request=request)
    except Http404:
        # Signed out: ask them to sign in, the same for a missing and an unpublished one (AZ-11).
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    points = selectors.round_trend(round=found, viewer=request.user)
    return render(
        request,
        "readiness/round.html",
        {
            "round": found,
            "results": selectors.round_results(round=found),
            "participant": perms.participant_of(viewer=request.user, round=found),
            "actions": selectors.round_actions(round=found),
            "can_run": perms.can_run_rounds(request.user),
            "trend_chart": charts.trend_chart(points) if points else None,
            "trend_table": charts.trend_table(points),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_score(request: HttpRequest, pk: int) -> HttpResponse:
    found, participant = perms.round_get_for_participant(
        viewer=request.user, pk=pk, request=request
    )
    statements = selectors.statements_for_round(round=found)
    mine = selectors.my_scores(participant=participant)
    initial = {f"statement_{s.pk}": str(mine.get(s.pk, "not_sure")) for s in statements}
    form = ScoreForm(_data(request), initial=initial if mine else None, statements=statements)
    if request.method == "POST" and found.is_open and form.is_valid():
        try:
            services.scores_save(participant=participant, scores=form.scores())
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request, "Your scores are saved. You can change them until the round closes."
            )
            return redirect(found)
    return render(
        request,
        "readiness/score.html",
        {"round": found, "form": form, "participant": participant},
    )


def _people_for(found: AuditRound):
    people = User.objects.filter(is_active=True).order_by("display_name", "pk")
    if found.project_id:
        people = people.filter(
            project_memberships__project_id=found.project_id,
            project_memberships__left_on__isnull=True,
        )
    return people.exclude(audit_participations__round=found)


@login_required
@require_http_methods(["GET", "POST"])
def round_people(request: HttpRequest, pk: int) -> HttpResponse:
    found = perms.round_get_for_runner(viewer=request.user, pk=pk, request=request)
    form = PersonForm(_data(request), people=_people_for(found))
    if request.method == "POST" and form.is_valid():
        try:
            added = services.participant_add(
                round=found, person=form.cleaned_data["person"], by=request.user
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(
                request,
                f"{added.person.display_name} is taking part as an "
                f"{added.get_kind_display().lower()}.",
            )
            return redirect("readiness:people", found.pk)
    return render(
        request,
        "readiness/people.html",
        {"round": found, "form": form, "results": selectors.round_results(round=found)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_actions(request: HttpRequest, pk: int) -> HttpResponse:
    found = perms.round_get_for_runner(viewer=request.user, pk=pk, request=request)
    form = ActionForm(_data(request), people=selectors.possible_owners(round=found))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(round=found, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, "The action has been added.")
            return redirect(found)
    return render(
        request,
        "readiness/actions.html",
        {"round": found, "form": form, "actions": selectors.round_actions(round=found)},
    )


@login_required
@require_POST
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = perms.round_get_for_runner(viewer=request.user, pk=pk, request=request)
    services.round_close(round=found, by=request.user)
    messages.success(request, "The round is closed. Nobody can change their scores now.")
    return redirect(found)


@login_required
@require_POST
def round_publish(request: HttpRequest, pk: int) -> HttpResponse:
    found = perms.round_get_for_runner(viewer=request.user, pk=pk, request=request)
    try:
        services.round_publish(round=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The results are published to everyone who has signed in.")
    return redirect(found)
