"""Raising a concern, and what the leads do about it. The concern's words go to nobody by
e-mail or notification: the leads are told that there is one, and read it here."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.conversations.models import Post
from copro.notifications.services import notify
from copro.people.models import User
from copro.safeguarding.models import Concern, ConcernAction, ConcernView, SafeguardingLead

log = logging.getLogger("copro.safeguarding")


@transaction.atomic
def concern_raise(*, about: str, what: str, by: User, post: Post | None = None) -> Concern:
    if not what.strip():
        raise ValidationError({"what": "Tell us what worries you"})
    concern = Concern(
        raised_by=by,
        about=" ".join(about.split()),
        what=what,
        post=post,
        created_by=by,
        updated_by=by,
    )
    concern.full_clean()
    concern.save()
    leads = [lead.user for lead in SafeguardingLead.objects.select_related("user")]
    notify(
        recipients=leads,
        kind="safeguarding_concern",
        event_key=f"safeguarding-concern:{concern.pk}",
        title="A safeguarding concern has been raised",
        body="Sign in to read it. For safety, what it says is not in this message.",
        url=concern.get_absolute_url(),
    )
    log.warning("safeguarding concern raised", extra={"event": "concern_raised", "id": concern.pk})
    return concern


def concern_viewed(*, concern: Concern, viewer: User, route: str) -> None:
    """Every opening of a concern is kept, and logged for the audit trail."""
    ConcernView.objects.create(concern=concern, viewer=viewer, route=route)
    log.info(
        "safeguarding concern opened",
        extra={"event": "concern_viewed", "id": concern.pk, "user_id": viewer.pk},
    )


@transaction.atomic
def concern_act(*, concern: Concern, text: str, status: str, by: User) -> ConcernAction:
    if not text.strip():
        raise ValidationError({"text": "Say what was done"})
    if status not in Concern.Status.values:
        raise ValidationError({"status": "Choose where things stand"})
    concern = Concern.objects.select_for_update().get(pk=concern.pk)
    action = ConcernAction(concern=concern, by=by, text=text, at=timezone.now())
    action.full_clean()
    action.save()
    concern.status = status
    concern.updated_by = by
    concern.save(update_fields=["status", "updated_by", "updated_at"])
    return action
