""" "What's next": open polls in the person's projects that they have not answered yet
(one query whatever the number of projects or polls)."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from copro.conversations.models import Poll, TimeAnswer, Vote
from copro.core.todo import TodoItem


def open_polls(user) -> list[TodoItem]:
    if not getattr(user, "is_authenticated", False):
        return []
    now = timezone.now()
    polls = (
        Poll.objects.filter(
            project__memberships__user=user,
            project__memberships__left_on__isnull=True,
            closed_at__isnull=True,
            closes_at__gt=now,
        )
        .exclude(Exists(Vote.objects.filter(poll=OuterRef("pk"), voter=user)))
        .exclude(Exists(TimeAnswer.objects.filter(poll=OuterRef("pk"), voter=user)))
        .order_by("closes_at")[:5]
    )
    return [
        TodoItem(
            title=f"Answer the poll \u201c{poll.question}\u201d",
            url=poll.get_absolute_url(),
            due=poll.closes_at,
            detail=f"Closes on {timezone.localtime(poll.closes_at):%-d %B %Y}",
            group="polls",
        )
        for poll in polls
    ]
