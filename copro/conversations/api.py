"""Conversations and polls in the API: the same permission getters and selectors as the pages,
so someone else's thread answers 404, and a hidden post's words reach only its author and
moderators (MOD-1). Writes need the session's CSRF token."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.security import django_auth

from copro.conversations import permissions as perms
from copro.conversations import selectors, services
from copro.conversations.models import Poll, Post
from copro.core.api_schemas import REFUSALS, WRITE_REFUSALS, Problem

router = Router(tags=["conversations"], auth=django_auth)


class ThreadOut(Schema):
    id: int
    title: str
    status: str
    summary: str
    decision_id: int | None
    paper_id: int | None
    last_post_at: datetime


class ThreadIn(Schema):
    title: str = Field(..., min_length=1, max_length=150, pattern=r"\S")
    body: str = Field(..., min_length=1, max_length=10000, pattern=r"\S")


class PostOut(Schema):
    id: int
    author: str
    route: str
    status: str
    body: str | None  # None when the viewer may not see the words (hidden or deleted)
    hidden_reason: str | None
    quote_id: int | None
    created_at: datetime
    edited_at: datetime | None


class PostIn(Schema):
    body: str = Field(..., min_length=1, max_length=10000, pattern=r"\S")
    quote_id: int | None = None


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=1000, pattern=r"\S")


class OptionOut(Schema):
    id: int
    text: str
    starts_at: datetime | None
    count: int | None = None


class PollOut(Schema):
    id: int
    kind: str
    question: str
    anonymous: bool
    closes_at: datetime
    closed: bool
    options: list[OptionOut]
    note: str = "A poll is not a decision."


class VoteIn(Schema):
    option_id: int


def _post_out(post: Post) -> dict:
    return {
        "id": post.pk,
        "author": post.author.display_name,
        "route": post.route,
        "status": post.status,
        "body": post.body if post.can_see_words else None,
        "hidden_reason": post.hidden_reason if post.can_see_words else None,
        "quote_id": post.quote_id if post.quote is not None else None,
        "created_at": post.created_at,
        "edited_at": post.edited_at,
    }


@router.get(
    "/projects/{project_id}/threads",
    response={200: list[ThreadOut], **REFUSALS},
    summary="A project's conversations",
)
def thread_list(request: HttpRequest, project_id: int):
    project, _access = perms.project_get_for_reader(
        viewer=request.user, pk=project_id, request=request
    )
    return selectors.threads_for(project=project)


@router.post(
    "/projects/{project_id}/threads",
    response={201: ThreadOut, **WRITE_REFUSALS},
    summary="Start a conversation",
)
def thread_start(request: HttpRequest, project_id: int, payload: ThreadIn):
    project, access = perms.project_get_for_reader(
        viewer=request.user, pk=project_id, request=request
    )
    if not access.member:
        raise Http404
    try:
        return 201, services.thread_start(
            project=project, title=payload.title, body=payload.body, by=request.user
        )
    except ValidationError as error:
        return 422, {"detail": " ".join(error.messages)}


@router.get(
    "/threads/{thread_id}/posts",
    response={200: list[PostOut], **REFUSALS},
    summary="The posts in a conversation",
)
def post_list(request: HttpRequest, thread_id: int):
    thread, access = perms.thread_get_for_reader(viewer=request.user, pk=thread_id, request=request)
    return [
        _post_out(p) for p in selectors.posts_for(thread=thread, viewer=request.user, access=access)
    ]


@router.post(
    "/threads/{thread_id}/posts",
    response={201: PostOut, 409: Problem, **WRITE_REFUSALS},
    summary="Reply",
)
def post_add(request: HttpRequest, thread_id: int, payload: PostIn):
    thread, access = perms.thread_get_for_reader(viewer=request.user, pk=thread_id, request=request)
    if not access.member:
        raise Http404
    if not thread.is_open:
        return 409, {"detail": "This conversation has been closed."}
    quote = thread.posts.filter(pk=payload.quote_id).first() if payload.quote_id else None
    try:
        post = services.post_add(
            thread=thread, body=payload.body, author=request.user, by=request.user, quote=quote
        )
    except ValidationError as error:
        return 422, {"detail": " ".join(error.messages)}
    post.can_see_words = True
    return 201, _post_out(post)


def _moderate(request, thread_id: int, post_id: int, payload: ReasonIn, action):
    post = perms.post_get_for_moderator(
        viewer=request.user, thread_pk=thread_id, pk=post_id, request=request
    )
    try:
        post = action(post=post, reason=payload.reason, by=request.user)
    except ValidationError as error:
        return 409, {"detail": " ".join(error.messages)}
    post.can_see_words = True
    return 200, _post_out(post)


@router.post(
    "/threads/{thread_id}/posts/{post_id}/hide",
    response={200: PostOut, 409: Problem, **WRITE_REFUSALS},
    summary="Hide a post, with the reason (moderators)",
)
def post_hide(request: HttpRequest, thread_id: int, post_id: int, payload: ReasonIn):
    return _moderate(request, thread_id, post_id, payload, services.post_hide)


@router.post(
    "/threads/{thread_id}/posts/{post_id}/restore",
    response={200: PostOut, 409: Problem, **WRITE_REFUSALS},
    summary="Put a hidden post back (moderators)",
)
def post_restore(request: HttpRequest, thread_id: int, post_id: int, payload: ReasonIn):
    return _moderate(request, thread_id, post_id, payload, services.post_restore)


def _poll_out(poll: Poll, *, with_counts: bool = True) -> dict:
    counts = {}
    if with_counts and poll.kind == Poll.Kind.QUICK:
        counts = {r.option: r.count for r in selectors.quick_results(poll=poll)}
    return {
        "id": poll.pk,
        "kind": poll.kind,
        "question": poll.question,
        "anonymous": poll.anonymous,
        "closes_at": poll.closes_at,
        "closed": poll.closed_at is not None,
        "options": [
            {"id": o.pk, "text": o.text, "starts_at": o.starts_at, "count": counts.get(o.text)}
            for o in poll.options.all()
        ],
    }


@router.get(
    "/projects/{project_id}/polls",
    response={200: list[PollOut], **REFUSALS},
    summary="A project's polls (the counts are on each poll)",
)
def poll_list(request: HttpRequest, project_id: int):
    project, _access = perms.project_get_for_reader(
        viewer=request.user, pk=project_id, request=request
    )
    polls = Poll.objects.filter(project=project).prefetch_related("options")
    return [_poll_out(p, with_counts=False) for p in polls]


@router.get("/polls/{poll_id}", response={200: PollOut, **REFUSALS}, summary="One poll")
def poll_detail(request: HttpRequest, poll_id: int):
    poll, _access = perms.poll_get_for_member(viewer=request.user, pk=poll_id, request=request)
    return _poll_out(poll)


@router.post(
    "/polls/{poll_id}/vote",
    response={200: PollOut, 409: Problem, **WRITE_REFUSALS},
    summary="Answer a quick poll (again to change the answer)",
)
def poll_vote(request: HttpRequest, poll_id: int, payload: VoteIn):
    poll, access = perms.poll_get_for_member(viewer=request.user, pk=poll_id, request=request)
    if not access.member or poll.kind != Poll.Kind.QUICK:
        raise Http404
    option = poll.options.filter(pk=payload.option_id).first()
    if option is None:  # an option of another poll, or none: like any missing object
        raise Http404
    try:
        services.poll_vote(poll=poll, option=option, voter=request.user)
    except ValidationError as error:
        return 409, {"detail": " ".join(error.messages)}
    return 200, _poll_out(poll)
