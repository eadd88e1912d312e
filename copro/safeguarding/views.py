"""Raising a concern (anyone signed in), and the concern pages (leads; the person who raised a
concern sees only that one, without the leads' notes). Every opening of a concern is logged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.conversations.models import Post
from copro.conversations.permissions import post_get_for_reader
from copro.core.forms import errors_to_form
from copro.safeguarding import hours, services
from copro.safeguarding import permissions as perms
from copro.safeguarding.forms import ActionForm, ConcernForm


def _post_from(request: HttpRequest) -> Post | None:
    """The post a concern is raised from (?post=): only one the person may read."""
    pk = request.POST.get("post") or request.GET.get("post")
    if not pk or not str(pk).isdigit():
        return None
    post = Post.objects.filter(pk=pk).only("pk", "thread_id").first()
    if post is None:
        return None
    found, _access = post_get_for_reader(viewer=request.user, thread_pk=post.thread_id, pk=post.pk)
    return found


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def concern_raise(request: HttpRequest) -> HttpResponse:
    post = _post_from(request)
    form = ConcernForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            concern = services.concern_raise(by=request.user, post=post, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Thank you. The safeguarding team has been told.")
            return redirect(concern)
    context = {
        "form": form,
        "post": post,
        "office_hours": hours.in_office_hours(),
        **hours.numbers(),
    }
    return render(request, "safeguarding/raise.html", context)


@never_cache
@login_required
@require_GET
def concern_list(request: HttpRequest) -> HttpResponse:
    """Leads: every concern. Anyone else: the ones they raised."""
    lead = perms.is_lead(request.user)
    concerns = list(
        perms.concerns_visible(viewer=request.user, lead=lead).select_related("raised_by")[:200]
    )
    return render(request, "safeguarding/list.html", {"concerns": concerns, "lead": lead})


@never_cache
@login_required
@require_GET
def concern_detail(request: HttpRequest, pk: int) -> HttpResponse:
    concern, lead = perms.concern_get_for_viewer(viewer=request.user, pk=pk, request=request)
    services.concern_viewed(concern=concern, viewer=request.user, route="page")
    context = {
        "concern": concern,
        "lead": lead,
        "actions": list(concern.actions.select_related("by")) if lead else [],
        "opened": list(concern.views.select_related("viewer")[:20]) if lead else [],
        "form": ActionForm(initial={"status": concern.status}) if lead else None,
    }
    return render(request, "safeguarding/concern.html", context)


@login_required
@require_POST
def concern_act(request: HttpRequest, pk: int) -> HttpResponse:
    perms.lead_required(request.user, request)
    concern, _lead = perms.concern_get_for_viewer(viewer=request.user, pk=pk, request=request)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.concern_act(concern=concern, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "What you did has been recorded.")
    else:
        messages.error(request, "Say what was done and where things stand.")
    return redirect(concern)
