"""Conversation pages: a project's threads, a thread with its posts, replying, and what authors
and the people running the project do. Moderation pages are in views_moderation.py."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.conversations import forms, selectors, services
from copro.conversations import permissions as perms
from copro.conversations.models import Post
from copro.core.forms import errors_to_form
from copro.core.uploads import limit_uploads
from copro.meetings.models import Paper
from copro.people.models import User
from copro.projects.models import Decision


def _about(request: HttpRequest, project) -> dict:
    """What a new thread is about, from ?decision= or ?paper= (only this project's)."""
    found = {}
    decision_pk = request.GET.get("decision") or request.POST.get("decision")
    paper_pk = request.GET.get("paper") or request.POST.get("paper")
    if decision_pk and str(decision_pk).isdigit():
        found["decision"] = get_object_or_404(
            Decision, pk=decision_pk, project=project, status=Decision.Status.OPEN
        )
    if paper_pk and str(paper_pk).isdigit():
        found["paper"] = get_object_or_404(Paper, pk=paper_pk, meeting__project=project)
    return found


@limit_uploads(settings.MEETING_PAPER_MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def project_threads(request: HttpRequest, pk: int) -> HttpResponse:
    """The project's conversations, and starting a new one (members only)."""
    project, access = perms.project_get_for_reader(viewer=request.user, pk=pk, request=request)
    about = _about(request, project)
    posted = request.method == "POST"
    if posted and not access.member:
        raise Http404
    form = forms.ThreadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        too_big=getattr(request, "upload_too_big", False),
    )
    if posted and form.is_valid():
        try:
            thread = services.thread_start(
                project=project,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                attachment=form.cleaned_data["attachment"],
                by=request.user,
                **about,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Your conversation has started. Members have been told.")
            return redirect(thread)
    context = {
        "project": project,
        "access": access,
        "form": form,
        "threads": selectors.threads_for(project=project),
        **about,
    }
    return render(request, "conversations/project_threads.html", context)


@limit_uploads(settings.MEETING_PAPER_MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread, access = perms.thread_get_for_reader(viewer=request.user, pk=pk, request=request)
    posted = request.method == "POST"
    if posted and not access.member:
        raise Http404
    form = forms.ReplyForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        too_big=getattr(request, "upload_too_big", False),
        initial={"quote": request.GET.get("quote")},
    )
    if posted and form.is_valid() and _reply(request, thread, form):
        messages.success(request, "Your reply has been added.")
        return redirect(thread)
    posts = selectors.posts_for(thread=thread, viewer=request.user, access=access)
    quoting = _quoting(request, posts)
    can_run = perms.can_run(viewer=request.user, access=access)
    context = {
        "thread": thread,
        "project": thread.project,
        "access": access,
        "posts": posts,
        "form": form,
        "quoting": quoting,
        "can_run": can_run,
        "close_form": forms.CloseForm() if can_run and thread.is_open else None,
        "behalf_form": _behalf_form(thread) if can_run and thread.is_open else None,
    }
    return render(request, "conversations/thread.html", context)


def _quoting(request: HttpRequest, posts: list[Post]) -> Post | None:
    wanted = request.GET.get("quote") or request.POST.get("quote")
    return next((p for p in posts if str(p.pk) == str(wanted) and p.is_shown), None)


def _behalf_form(thread, data=None) -> forms.OnBehalfForm:
    members = User.objects.filter(
        project_memberships__project=thread.project, project_memberships__left_on__isnull=True
    ).order_by("display_name")
    return forms.OnBehalfForm(data, members=members, prefix="behalf")


def _reply(request: HttpRequest, thread, form) -> bool:
    quote = None
    if form.cleaned_data.get("quote"):
        quote = thread.posts.filter(pk=form.cleaned_data["quote"]).first()
    try:
        services.post_add(
            thread=thread,
            body=form.cleaned_data["body"],
            author=request.user,
            by=request.user,
            quote=quote,
            attachment=form.cleaned_data["attachment"],
        )
    except ValidationError as error:
        errors_to_form(form, error)
        return False
    return True


@login_required
@require_POST
def thread_on_behalf(request: HttpRequest, pk: int) -> HttpResponse:
    """Someone who takes part by phone or by post: whoever runs the project writes their view
    in for them, and it is marked so."""
    thread, access = perms.thread_get_for_reader(viewer=request.user, pk=pk, request=request)
    if not perms.can_run(viewer=request.user, access=access):
        raise Http404
    form = _behalf_form(thread, request.POST)
    if form.is_valid():
        try:
            services.post_add(
                thread=thread,
                body=form.cleaned_data["body"],
                author=form.cleaned_data["person"],
                route=form.cleaned_data["route"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Their view has been added, marked as given for them.")
    else:
        messages.error(request, "Choose the person and how they gave their view, and write it.")
    return redirect(thread)


@login_required
@require_http_methods(["GET", "POST"])
def thread_close(request: HttpRequest, pk: int) -> HttpResponse:
    thread, access = perms.thread_get_for_reader(viewer=request.user, pk=pk, request=request)
    if not perms.can_run(viewer=request.user, access=access):
        raise Http404
    form = forms.CloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.thread_close(thread=thread, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The conversation is closed and its summary saved.")
            return redirect(thread)
    return render(
        request,
        "conversations/form_page.html",
        {
            "form": form,
            "thread": thread,
            "project": thread.project,
            "heading": "Close the conversation",
            "button": "Close it with this summary",
        },
    )


@login_required
@require_POST
def thread_forward(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    """The summary becomes an idea in "you said, we did" or a decision proposal."""
    thread, access = perms.thread_get_for_reader(viewer=request.user, pk=pk, request=request)
    if not perms.can_run(viewer=request.user, access=access):
        raise Http404
    try:
        if to == "idea":
            services.thread_to_idea(thread=thread, member=access.membership, by=request.user)
            messages.success(request, "The summary is now an idea in \u201cyou said, we did\u201d.")
        else:
            services.thread_to_decision(thread=thread, by=request.user)
            messages.success(request, "The summary is now a proposal for a decision.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(thread)


@login_required
@require_GET
def attachment(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    post, access = perms.post_get_for_reader(
        viewer=request.user, thread_pk=pk, pk=post_pk, request=request
    )
    if not post.attachment_stored or post.status == Post.Status.DELETED:
        raise Http404
    try:
        handle = storages["default"].open(post.attachment_stored, "rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=post.attachment_name, content_type=post.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
