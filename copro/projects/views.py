"""Project pages. Each view: get the object through a permission getter, validate, call one
service, redirect (POST/redirect/GET)."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.projects import permissions as perms
from copro.projects import selectors, services
from copro.projects.forms import (
    ActionForm,
    CloseDecisionForm,
    ContributionForm,
    DecisionForm,
    MemberForm,
    OnBehalfForm,
    PositionForm,
    ProjectForm,
    ResponseForm,
    StageForm,
)
from copro.projects.models import Action, Contribution, Decision, Membership


def _can_start(user) -> bool:
    return user.is_council_staff or settings.CITIZENS_CAN_START_PROJECTS


@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    viewer = request.user if request.user.is_authenticated else None
    projects = list(perms.project_list_visible(viewer=viewer).order_by("title"))
    can_start = request.user.is_authenticated and _can_start(request.user)
    return render(request, "projects/list.html", {"projects": projects, "can_start": can_start})


@login_required
@require_http_methods(["GET", "POST"])
def project_start(request: HttpRequest) -> HttpResponse:
    if not _can_start(request.user):
        raise PermissionDenied
    form = ProjectForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        kind = (
            Membership.Kind.QUALIFICATION
            if request.user.is_council_staff
            else Membership.Kind.EXPERIENCE
        )
        project = services.project_start(by=request.user, lead_kind=kind, **form.cleaned_data)
        messages.success(request, "The project has been started. Now add its members.")
        return redirect("projects:members", project.pk)
    return render(
        request,
        "projects/start.html",
        {"form": form, "heading": "Start a project", "button": "Start the project"},
    )


@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    context = {
        "project": project,
        "membership": perms.membership_of(viewer=request.user, project=project),
        "can_manage": perms.can_manage(viewer=request.user, project=project),
        **selectors.project_page(project=project),
    }
    try:
        from copro.projects.evidence.placement import project_evidence
    except ImportError:
        context["evidence"] = None
    else:
        context["evidence"] = project_evidence(project=project)
    return render(request, "projects/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    initial = {f: getattr(project, f) for f in ("title", "summary", "service_area", "visibility")}
    form = ProjectForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.project_update(project=project, by=request.user, **form.cleaned_data)
        messages.success(request, "The project has been saved.")
        return redirect(project)
    return render(
        request,
        "projects/edit.html",
        {
            "form": form,
            "project": project,
            "heading": "Change the project's details",
            "button": "Save",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_stage(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    form = StageForm(
        request.POST if request.method == "POST" else None,
        initial={"stage": project.stage, "changed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.project_stage_change(
                project=project,
                stage=form.cleaned_data["stage"],
                on=form.cleaned_data["changed_on"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The stage has been changed.")
            return redirect(project)
    return render(
        request,
        "projects/stage.html",
        {
            "form": form,
            "project": project,
            "heading": "Change the stage",
            "button": "Save the stage",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_members(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    can_manage = perms.can_manage(viewer=request.user, project=project)
    form = None
    if can_manage:
        form = MemberForm(
            request.POST if request.method == "POST" else None,
            initial={"joined_on": timezone.localdate(), "role": Membership.Role.MEMBER},
            offline_people=selectors.people_without_email(viewer=request.user),
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.member_add(
                    project=project,
                    user=data["email"],
                    kind=data["kind"],
                    role=data["role"],
                    joined_on=data["joined_on"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error("email", error.messages)
            else:
                messages.success(request, f"{data['email']} has been added.")
                return redirect("projects:members", project.pk)
    elif request.method == "POST":
        raise Http404
    context = {
        "project": project,
        "form": form,
        "can_manage": can_manage,
        **selectors.project_page(project=project),
    }
    return render(request, "projects/members.html", context)


@login_required
@require_POST
def member_leave(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    membership = get_object_or_404(Membership, pk=member_pk, project=project, left_on__isnull=True)
    if membership.user_id != request.user.pk and not perms.can_manage(
        viewer=request.user, project=project
    ):
        raise Http404
    services.member_leave(membership=membership, on=timezone.localdate(), by=request.user)
    messages.success(request, f"{membership.user} has left the project.")
    return redirect("projects:members", project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def decision_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_propose(
                project=project, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The decision is open for members' views.")
            return redirect("projects:decision", project.pk, decision.pk)
    return render(
        request,
        "projects/decision_new.html",
        {
            "form": form,
            "project": project,
            "heading": "Start a decision",
            "button": "Open it for views",
        },
    )


def _decision(request, pk: int, decision_pk: int):
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    # Another project's decision under this project's id is a 404 (AZ-2).
    decision = get_object_or_404(Decision, pk=decision_pk, project=project)
    return project, decision


def _record_position(request, decision, member, form, how=""):
    try:
        ranking = form.ranking_ids() if decision.method == Decision.Method.RANKED else []
        services.position_record(
            decision=decision,
            member=member,
            by=request.user,
            stance=form.cleaned_data.get("stance") or "",
            option_id=form.cleaned_data.get("option"),
            ranking=ranking,
            reason=form.cleaned_data.get("reason", ""),
            how=how,
        )
    except ValidationError as error:
        errors_to_form(form, error)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def decision_detail(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    project, decision = _decision(request, pk, decision_pk)
    membership = perms.membership_of(viewer=request.user, project=project)
    can_manage = perms.can_manage(viewer=request.user, project=project)
    posted = request.method == "POST"
    if posted and membership is None:
        raise Http404
    form = PositionForm(request.POST if posted else None, decision=decision)
    if posted and form.is_valid() and _record_position(request, decision, membership, form):
        messages.success(request, "Your view has been recorded.")
        return redirect("projects:decision", project.pk, decision.pk)
    context = {
        "project": project,
        "decision": decision,
        "form": form,
        "membership": membership,
        "can_manage": can_manage,
        "behalf_form": OnBehalfForm(project=project) if can_manage else None,
        "behalf_position": PositionForm(decision=decision, prefix="behalf"),
        "close_form": CloseDecisionForm(initial={"decided_on": timezone.localdate()}),
        **selectors.decision_page(decision=decision),
    }
    return render(request, "projects/decision.html", context)


@login_required
@require_POST
def decision_on_behalf(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    """Staff record a position someone gave on paper, by phone or face to face."""
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    decision = get_object_or_404(Decision, pk=decision_pk, project=project)
    behalf = OnBehalfForm(request.POST, project=project)
    position = PositionForm(request.POST, decision=decision, prefix="behalf")
    valid = behalf.is_valid() and position.is_valid()
    if valid and _record_position(
        request,
        decision,
        behalf.cleaned_data["member"],
        position,
        how=behalf.cleaned_data["how"],
    ):
        messages.success(request, "Their view has been recorded, marked as entered by you.")
        return redirect("projects:decision", project.pk, decision.pk)
    context = {
        "project": project,
        "decision": decision,
        "form": PositionForm(decision=decision),
        "behalf_form": behalf,
        "behalf_position": position,
        "membership": perms.membership_of(viewer=request.user, project=project),
        "can_manage": True,
        "close_form": CloseDecisionForm(initial={"decided_on": timezone.localdate()}),
        **selectors.decision_page(decision=decision),
    }
    return render(request, "projects/decision.html", context)


@login_required
@require_POST
def decision_close(request: HttpRequest, pk: int, decision_pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    decision = get_object_or_404(Decision, pk=decision_pk, project=project)
    form = CloseDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_close(decision=decision, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "The decision has been recorded.")
        return redirect("projects:decision", project.pk, decision.pk)
    context = {
        "project": project,
        "decision": decision,
        "close_form": form,
        "can_manage": True,
        "form": PositionForm(decision=decision),
        "membership": perms.membership_of(viewer=request.user, project=project),
        "behalf_form": OnBehalfForm(project=project),
        "behalf_position": PositionForm(decision=decision, prefix="behalf"),
        **selectors.decision_page(decision=decision),
    }
    return render(request, "projects/decision.html", context)


@require_http_methods(["GET", "POST"])
def you_said(request: HttpRequest, pk: int) -> HttpResponse:
    """You said, we did. Public when the project is published (names are then left out)."""
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    membership = perms.membership_of(viewer=request.user, project=project)
    form = ContributionForm(
        request.POST if request.method == "POST" else None, initial={"key": uuid.uuid4().hex}
    )
    if request.method == "POST":
        if membership is None:
            raise Http404
        if form.is_valid():
            data = dict(form.cleaned_data)
            services.contribution_raise(
                project=project,
                member=membership,
                by=request.user,
                request_key=data.pop("key") or "",
                **data,
            )
            messages.success(request, "Thank you. The project team will answer you.")
            return redirect("projects:you_said", project.pk)
    context = {
        "project": project,
        "membership": membership,
        "form": form,
        "can_manage": perms.can_manage(viewer=request.user, project=project),
        "contributions": selectors.contributions_for(project=project),
        "show_names": request.user.is_authenticated,
    }
    return render(request, "projects/you_said.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contribution_respond(request: HttpRequest, pk: int, contribution_pk: int) -> HttpResponse:
    project = perms.project_get_for_manager(viewer=request.user, pk=pk, request=request)
    contribution = get_object_or_404(Contribution, pk=contribution_pk, project=project)
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        project=project,
        initial={
            "status": None if contribution.status == "waiting" else contribution.status,
            "response": contribution.response,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_respond(
                contribution=contribution, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Your answer has been saved and the person has been told.")
            return redirect("projects:you_said", project.pk)
    return render(
        request,
        "projects/respond.html",
        {
            "form": form,
            "project": project,
            "contribution": contribution,
            "heading": "Answer what was said",
            "button": "Save the answer",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def actions(request: HttpRequest, pk: int) -> HttpResponse:
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    membership = perms.membership_of(viewer=request.user, project=project)
    form = ActionForm(request.POST if request.method == "POST" else None, project=project)
    if request.method == "POST":
        if membership is None:
            raise Http404
        if form.is_valid():
            owner = form.cleaned_data["owner"]
            services.action_add(
                project=project,
                title=form.cleaned_data["title"],
                owner=owner.user if owner else None,
                due_on=form.cleaned_data["due_on"],
                by=request.user,
            )
            messages.success(request, "The action has been added.")
            return redirect("projects:actions", project.pk)
    context = {
        "project": project,
        "membership": membership,
        "form": form,
        "actions": list(project.actions.select_related("owner")),
        "statuses": Action.Status.choices,
    }
    return render(request, "projects/actions.html", context)


@login_required
@require_POST
def action_status(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    project, _membership = perms.project_get_for_member(viewer=request.user, pk=pk, request=request)
    action = get_object_or_404(Action, pk=action_pk, project=project)
    status = request.POST.get("status", "")
    if status not in Action.Status.values:
        raise Http404
    services.action_set_status(action=action, status=status, by=request.user)
    messages.success(request, "The action has been updated.")
    return redirect("projects:actions", project.pk)
