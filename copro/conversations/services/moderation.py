"""Reports, hiding and restoring (moderators), editing and deleting (authors). Every step is
written to the append-only moderation log; nothing is silently removed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.conversations.models import ModerationEntry, Post, PostEdit, Report
from copro.notifications.services import notify
from copro.people.models import User


def _log(post: Post, action: str, by: User, reason: str = "") -> None:
    ModerationEntry.objects.create(post=post, action=action, by=by, reason=reason)


def _locked(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("thread").get(pk=post.pk)


@transaction.atomic
def post_report(*, post: Post, reason: str, by: User) -> Report:
    if not reason.strip():
        raise ValidationError({"reason": "Say what is wrong with the post"})
    report = Report(post=post, reported_by=by, reason=reason, created_by=by, updated_by=by)
    report.full_clean()
    report.save()
    _log(post, ModerationEntry.Action.REPORTED, by, reason)
    return report


@transaction.atomic
def post_hide(*, post: Post, reason: str, by: User) -> Post:
    post = _locked(post)
    if post.status != Post.Status.SHOWN:
        raise ValidationError("This post is not being shown, so it cannot be hidden")
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason: the person who wrote it will see it"})
    post.status = Post.Status.HIDDEN
    post.hidden_reason = reason
    post.updated_by = by
    post.full_clean()
    post.save()
    post.reports.filter(dealt_with_at__isnull=True).update(dealt_with_at=timezone.now())
    _log(post, ModerationEntry.Action.HIDDEN, by, reason)
    notify(
        recipients=[post.author],
        kind="post_hidden",
        event_key=f"post-hidden:{post.pk}:{ModerationEntry.objects.filter(post=post).count()}",
        title="A moderator has hidden something you wrote",
        body=f"The reason: {reason}",
        url=post.get_absolute_url(),
    )
    return post


@transaction.atomic
def post_restore(*, post: Post, reason: str, by: User) -> Post:
    post = _locked(post)
    if post.status != Post.Status.HIDDEN:
        raise ValidationError("Only a hidden post can be put back")
    post.status = Post.Status.SHOWN
    post.hidden_reason = ""
    post.updated_by = by
    post.save()
    _log(post, ModerationEntry.Action.RESTORED, by, reason)
    notify(
        recipients=[post.author],
        kind="post_hidden",
        event_key=f"post-restored:{post.pk}:{ModerationEntry.objects.filter(post=post).count()}",
        title="A moderator has put back something you wrote",
        url=post.get_absolute_url(),
    )
    return post


@transaction.atomic
def post_edit(*, post: Post, body: str, by: User) -> Post:
    post = _locked(post)
    if post.author_id != by.pk or post.status == Post.Status.DELETED:
        raise ValidationError("You can only change your own posts")
    if not body.strip():
        raise ValidationError({"body": "Write something, or delete the post instead"})
    if body == post.body:
        return post
    PostEdit.objects.create(post=post, body_before=post.body)
    post.body = body
    post.edited_at = timezone.now()
    post.updated_by = by
    post.full_clean()
    post.save()
    _log(post, ModerationEntry.Action.EDITED, by)
    return post


@transaction.atomic
def post_delete(*, post: Post, by: User) -> Post:
    """The author's own post: its words go from every page, and it is shown as "deleted by its
    author" where it was. The words before are kept in the edit history for the log."""
    post = _locked(post)
    if post.author_id != by.pk or post.status == Post.Status.DELETED:
        raise ValidationError("You can only delete your own posts")
    PostEdit.objects.create(post=post, body_before=post.body)
    post.status = Post.Status.DELETED
    post.updated_by = by
    post.save()
    _log(post, ModerationEntry.Action.DELETED, by)
    return post
