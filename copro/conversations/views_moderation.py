"""Editing and deleting your own posts, reporting a post, and the moderators' pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from copro.conversations import forms, selectors, services
from copro.conversations import permissions as perms
from copro.conversations.models import Moderator
from copro.core.forms import errors_to_form


def _form_page(request, form, post, heading: str, button: str, **extra) -> HttpResponse:
    context = {
        "form": form,
        "post": post,
        "thread": post.thread,
        "project": post.thread.project,
        "heading": heading,
        "button": button,
        **extra,
    }
    return render(request, "conversations/form_page.html", context)


def _run(form, call) -> bool:
    try:
        call()
    except ValidationError as error:
        errors_to_form(form, error)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    post = perms.post_get_for_author(viewer=request.user, thread_pk=pk, pk=post_pk, request=request)
    posted = request.method == "POST"
    form = forms.EditForm(request.POST if posted else None, initial={"body": post.body})
    call = lambda: services.post_edit(post=post, body=form.cleaned_data["body"], by=request.user)  # noqa: E731
    if posted and form.is_valid() and _run(form, call):
        messages.success(request, "Your post has been changed. The earlier version is kept.")
        return redirect(post)
    return _form_page(request, form, post, "Change your post", "Save the change")


@login_required
@require_http_methods(["GET", "POST"])
def post_delete(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    post = perms.post_get_for_author(viewer=request.user, thread_pk=pk, pk=post_pk, request=request)
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, "Your post has been deleted. Others will see it was deleted.")
        return redirect(post.thread)
    return _form_page(
        request,
        None,
        post,
        "Delete your post?",
        "Yes, delete it",
        warning="Others will see \u201cdeleted by its author\u201d where it was.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    post, _access = perms.post_get_for_reader(
        viewer=request.user, thread_pk=pk, pk=post_pk, request=request
    )
    if not post.is_shown:
        raise Http404
    posted = request.method == "POST"
    form = forms.ReasonForm(request.POST if posted else None, label="What is wrong with this post?")
    call = lambda: services.post_report(post=post, by=request.user, **form.cleaned_data)  # noqa: E731
    if posted and form.is_valid() and _run(form, call):
        messages.success(request, "Thank you. A moderator will look at it.")
        return redirect(post.thread)
    return _form_page(request, form, post, "Report a post", "Send the report", show_post=True)


@login_required
@require_http_methods(["GET", "POST"])
def post_hide(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    post = perms.post_get_for_moderator(
        viewer=request.user, thread_pk=pk, pk=post_pk, request=request
    )
    posted = request.method == "POST"
    form = forms.ReasonForm(
        request.POST if posted else None,
        label="Why are you hiding it? The person who wrote it will see this",
    )
    call = lambda: services.post_hide(post=post, by=request.user, **form.cleaned_data)  # noqa: E731
    if posted and form.is_valid() and _run(form, call):
        messages.success(request, "The post is hidden. Its author has been told why.")
        return redirect(post.thread)
    return _form_page(request, form, post, "Hide a post", "Hide it", show_post=True)


@login_required
@require_http_methods(["GET", "POST"])
def post_restore(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    post = perms.post_get_for_moderator(
        viewer=request.user, thread_pk=pk, pk=post_pk, request=request
    )
    posted = request.method == "POST"
    form = forms.ReasonForm(request.POST if posted else None, label="Why are you putting it back?")
    call = lambda: services.post_restore(post=post, by=request.user, **form.cleaned_data)  # noqa: E731
    if posted and form.is_valid() and _run(form, call):
        messages.success(request, "The post is shown again.")
        return redirect(post.thread)
    return _form_page(request, form, post, "Put a post back", "Put it back", show_post=True)


def _moderator_only(request: HttpRequest) -> None:
    if not Moderator.objects.filter(user=request.user).exists():
        request.refused_object_type = "moderation"
        raise Http404


@login_required
@require_GET
def reports(request: HttpRequest) -> HttpResponse:
    """Reports waiting for a moderator, in their remit."""
    _moderator_only(request)
    return render(
        request,
        "conversations/reports.html",
        {"reports": selectors.reports_waiting(viewer=request.user)},
    )


@login_required
@require_GET
def moderation_log(request: HttpRequest) -> HttpResponse:
    """The moderation log for auditors and moderators (in their remit), 50 to a page."""
    _moderator_only(request)
    page = Paginator(selectors.moderation_log(viewer=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "conversations/moderation_log.html", {"page": page})


@require_GET
def code_of_conduct(request: HttpRequest) -> HttpResponse:
    return render(request, "conversations/code_of_conduct.html")
