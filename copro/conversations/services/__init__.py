"""Writes for conversations, moderation and polls, split by sub-domain."""

from copro.conversations.services.moderation import (
    post_delete,
    post_edit,
    post_hide,
    post_report,
    post_restore,
)
from copro.conversations.services.polls import (
    poll_close,
    poll_open,
    poll_vote,
    time_poll_answer,
    time_poll_schedule,
)
from copro.conversations.services.threads import (
    post_add,
    thread_close,
    thread_start,
    thread_to_decision,
    thread_to_idea,
)

__all__ = [
    "poll_close",
    "poll_open",
    "poll_vote",
    "post_add",
    "post_delete",
    "post_edit",
    "post_hide",
    "post_report",
    "post_restore",
    "thread_close",
    "thread_start",
    "thread_to_decision",
    "thread_to_idea",
    "time_poll_answer",
    "time_poll_schedule",
]
