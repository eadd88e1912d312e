"""Conversations and polls in the export and erasure registry (copro.people.your_data).

What a person wrote, reported and voted is exported to them. On erasure their posts stay, as
written by the anonymous placeholder (a conversation must still read sensibly), and their votes
and answers stay against the placeholder so the counts do not change after a poll closed."""

from copro.people import your_data


def _posts(user) -> list[dict]:
    from copro.conversations.models import Post

    return [
        {
            "conversation": p.thread.title,
            "written_at": p.created_at.isoformat(),
            "text": p.body,
            "status": p.get_status_display(),
            "hidden_reason": p.hidden_reason,
        }
        for p in Post.objects.filter(author=user).select_related("thread")
    ]


def _reports(user) -> list[dict]:
    from copro.conversations.models import Report

    return [
        {"reported_at": r.created_at.isoformat(), "reason": r.reason}
        for r in Report.objects.filter(reported_by=user)
    ]


def _votes(user) -> list[dict]:
    from copro.conversations.models import Vote

    return [
        {"poll": v.poll.question, "answer": v.option.text}
        for v in Vote.objects.filter(voter=user).select_related("poll", "option")
    ]


def _time_answers(user) -> list[dict]:
    from copro.conversations.models import TimeAnswer

    return [
        {"poll": a.poll.question, "time": a.option.starts_at.isoformat(), "answer": a.answer}
        for a in TimeAnswer.objects.filter(voter=user).select_related("poll", "option")
    ]


def register_all() -> None:
    from copro.conversations.models import (
        ModerationEntry,
        Moderator,
        Post,
        Report,
        TimeAnswer,
        Vote,
    )

    keep = lambda user: None  # noqa: E731  (kept against the anonymous placeholder)
    your_data.register(Post, label="What you wrote in conversations", export=_posts, erase=keep)
    your_data.register(Report, label="Posts you reported", export=_reports, erase=keep)
    your_data.register(Vote, label="Your answers to quick polls", export=_votes, erase=keep)
    your_data.register(
        TimeAnswer, label="Times you said suit you", export=_time_answers, erase=keep
    )
    your_data.exempt(
        ModerationEntry,
        reason="The moderation log is the council's audit trail, like created_by; on erasure "
        "it points at the anonymous placeholder.",
    )
    your_data.exempt(
        Moderator,
        reason="A role the council gives, like group membership; removed with the account.",
    )
