from copro.conversations.models.moderation import ModerationEntry, Moderator, Report
from copro.conversations.models.polls import Poll, PollOption, TimeAnswer, Vote
from copro.conversations.models.threads import Post, PostEdit, Thread

__all__ = [
    "ModerationEntry",
    "Moderator",
    "Poll",
    "PollOption",
    "Post",
    "PostEdit",
    "Report",
    "Thread",
    "TimeAnswer",
    "Vote",
]
