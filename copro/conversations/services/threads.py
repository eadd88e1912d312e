"""Starting threads, replying, closing with a summary, and where a summary goes next."""

import uuid

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone

from copro.conversations.models import Post, Thread
from copro.core.uploads import store_file
from copro.meetings.files import CheckedPaper
from copro.meetings.models import Paper
from copro.notifications.services import notify
from copro.people.models import User
from copro.projects import services as project_services
from copro.projects.models import Contribution, Decision, Membership, Project

ATTACHMENTS_FOLDER = "conversations"


def _members_to_tell(project: Project, *, besides: User) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(project=project, left_on__isnull=True)
        .exclude(user=besides)
        .select_related("user")
    ]


def _tell_members(post: Post) -> None:
    """New posts reach members through notify() (their routes and digests). The post's words
    are not in the message, so a post hidden later is never left in an inbox (MOD-1)."""
    thread = post.thread
    notify(
        recipients=_members_to_tell(thread.project, besides=post.author),
        kind="conversation_post",
        event_key=f"conversation-post:{post.pk}",
        title=f"{post.author.display_name} wrote in \u201c{thread.title}\u201d",
        body=f"There is something new in a conversation in {thread.project.title}.",
        url=post.get_absolute_url(),
    )


@transaction.atomic
def thread_start(
    *,
    project: Project,
    title: str,
    body: str,
    by: User,
    decision: Decision | None = None,
    paper: Paper | None = None,
    attachment: CheckedPaper | None = None,
) -> Thread:
    if decision is not None and (
        decision.project_id != project.pk or decision.status != Decision.Status.OPEN
    ):
        raise ValidationError({"decision": "You can only talk about an open decision here"})
    if paper is not None and paper.meeting.project_id != project.pk:
        raise ValidationError({"paper": "Choose a paper from this project's meetings"})
    thread = Thread(
        project=project,
        decision=decision,
        paper=paper,
        title=" ".join(title.split()),
        created_by=by,
        updated_by=by,
    )
    thread.full_clean()
    thread.save()
    post_add(thread=thread, body=body, author=by, by=by, attachment=attachment)
    return thread


def post_add(
    *,
    thread: Thread,
    body: str,
    author: User,
    by: User,
    quote: Post | None = None,
    route: str = Post.Route.ONLINE,
    attachment: CheckedPaper | None = None,
) -> Post:
    """Add a post. Each reply is its own row, so two people replying at once both keep theirs;
    the thread's last-post time is set without reading it first."""
    stored = _store(attachment)
    try:
        with transaction.atomic():
            post = _post_save(thread, body, author, by, quote, route, attachment, stored)
    except BaseException:
        if stored:
            storages["default"].delete(stored)
        raise
    return post


def _post_save(thread, body, author, by, quote, route, attachment, stored) -> Post:
    current = Thread.objects.select_for_update().get(pk=thread.pk)
    if not current.is_open:
        raise ValidationError("This conversation has been closed, so no more can be added.")
    if quote is not None and quote.thread_id != thread.pk:
        raise ValidationError({"quote": "You can only quote a post from this conversation"})
    post = Post(
        thread=current,
        author=author,
        entered_by=by if by.pk != author.pk else None,
        route=route,
        body=body,
        quote=quote if quote is not None and quote.is_shown else None,
        created_by=by,
        updated_by=by,
    )
    if attachment is not None:
        post.attachment_name = attachment.name
        post.attachment_stored = stored
        post.attachment_kind = attachment.kind
        post.attachment_size = len(attachment.data)
    if not body.strip():
        raise ValidationError({"body": "Write something before you send it"})
    post.full_clean()
    post.save()
    Thread.objects.filter(pk=thread.pk).update(last_post_at=timezone.now())
    _tell_members(post)
    return post


def _store(attachment: CheckedPaper | None) -> str:
    if attachment is None:
        return ""
    name = f"{ATTACHMENTS_FOLDER}/{uuid.uuid4().hex}"
    return store_file(storages["default"], name, attachment.data, field="attachment")


@transaction.atomic
def thread_close(*, thread: Thread, summary: str, by: User) -> Thread:
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if not thread.is_open:
        raise ValidationError("This conversation has already been closed")
    if not summary.strip():
        raise ValidationError({"summary": "Write a summary of what was said"})
    thread.status = Thread.Status.CLOSED
    thread.summary = summary
    thread.closed_at = timezone.now()
    thread.updated_by = by
    thread.full_clean()
    thread.save()
    return thread


def _closed_for_update(thread: Thread) -> Thread:
    thread = Thread.objects.select_for_update().select_related("project").get(pk=thread.pk)
    if thread.is_open:
        raise ValidationError("Close the conversation with a summary first")
    if thread.idea_id or thread.proposal_id:
        raise ValidationError("This summary has already been taken forward")
    return thread


@transaction.atomic
def thread_to_idea(*, thread: Thread, member: Membership, by: User) -> Contribution:
    """The summary becomes an idea in "you said, we did", linked both ways."""
    thread = _closed_for_update(thread)
    idea = project_services.contribution_raise(
        project=thread.project,
        member=member,
        kind=Contribution.Kind.IDEA,
        text=f"From the conversation \u201c{thread.title}\u201d: {thread.summary}"[:3000],
        by=by,
    )
    thread.idea = idea
    thread.updated_by = by
    thread.save(update_fields=["idea", "updated_by", "updated_at"])
    return idea


@transaction.atomic
def thread_to_decision(*, thread: Thread, by: User) -> Decision:
    """The summary becomes a decision proposal (consent, the project's usual way), linked."""
    thread = _closed_for_update(thread)
    proposal = project_services.decision_propose(
        project=thread.project,
        title=thread.title,
        proposal=f"{thread.summary}\n\n(From the conversation \u201c{thread.title}\u201d.)"[:5000],
        method=Decision.Method.CONSENT,
        options=[],
        review_on=None,
        by=by,
    )
    thread.proposal = proposal
    thread.updated_by = by
    thread.save(update_fields=["proposal", "updated_by", "updated_at"])
    return proposal
