"""Reads for conversations and polls, scoped to the viewer, at a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet

from copro.conversations.models import ModerationEntry, Poll, Post, Report, Thread, TimeAnswer, Vote
from copro.conversations.permissions import Access, moderated_projects
from copro.meetings import scheduling
from copro.meetings.selectors import past_starts
from copro.people.models import User
from copro.projects.models import Membership, Project


def threads_for(*, project: Project) -> list[Thread]:
    """The project's threads with how many posts are shown in each (one query)."""
    return list(
        Thread.objects.filter(project=project)
        .select_related("decision", "paper")
        .annotate(shown_posts=Count("posts", filter=Q(posts__status=Post.Status.SHOWN)))
    )


def posts_for(*, thread: Thread, viewer: User, access: Access) -> list[Post]:
    """Every post in order, with author and quoted post in the same query. A hidden post stays
    in the list (nothing silently removed) but its words are blanked for anyone who is neither
    its author nor a moderator (MOD-1); a deleted post's words are blanked for everyone."""
    posts = list(
        thread.posts.select_related("author", "entered_by", "quote__author").order_by(
            "created_at", "pk"
        )
    )
    for post in posts:
        post.can_see_words = post.is_shown or (
            post.status == Post.Status.HIDDEN and (access.moderator or post.author_id == viewer.pk)
        )
        if not post.can_see_words:
            post.body = ""
            post.attachment_name = ""
        if post.quote is not None and not post.quote.is_shown:
            post.quote = None  # a quote never carries hidden or deleted words elsewhere
    return posts


def visible_post_body(*, post: Post, viewer: User, access: Access) -> str | None:
    if post.is_shown:
        return post.body
    if post.status == Post.Status.HIDDEN and (access.moderator or post.author_id == viewer.pk):
        return post.body
    return None


def reports_waiting(*, viewer: User) -> list[Report]:
    """Reports not yet dealt with, in the moderator's remit."""
    remit = moderated_projects(viewer=viewer)
    reports = Report.objects.filter(dealt_with_at__isnull=True).select_related(
        "post__thread__project", "post__author", "reported_by"
    )
    if remit is not None:
        reports = reports.filter(post__thread__project__in=remit)
    return list(reports[:200])


def moderation_log(*, viewer: User) -> QuerySet[ModerationEntry]:
    remit = moderated_projects(viewer=viewer)
    entries = ModerationEntry.objects.select_related("by", "post__thread__project")
    if remit is not None:
        entries = entries.filter(post__thread__project__in=remit)
    return entries


def polls_for(*, project: Project) -> list[Poll]:
    return list(Poll.objects.filter(project=project))


@dataclass(frozen=True)
class Result:
    option: str
    count: int
    percent: int
    names: tuple[str, ...]


def quick_results(*, poll: Poll) -> list[Result]:
    """Counts for each answer (two queries); names only when the poll is not anonymous."""
    options = list(poll.options.all())
    votes = list(Vote.objects.filter(poll=poll).select_related("voter").order_by("voter_id"))
    total = len(votes) or 1
    rows = []
    for option in options:
        chosen = [v for v in votes if v.option_id == option.pk]
        names = () if poll.anonymous else tuple(v.voter.display_name for v in chosen)
        rows.append(Result(option.text, len(chosen), round(100 * len(chosen) / total), names))
    return rows


@dataclass(frozen=True)
class TimeResult:
    option_id: int
    starts_at: datetime
    yes: int
    if_need_be: int
    no: int
    experts_yes: int
    score: int
    recent_uses: int
    explanation: str


def time_results(*, poll: Poll) -> list[TimeResult]:
    """The proposed times, best first, by the fair-scheduling rules: an expert by experience
    weighs scheduling.EXPERIENCE_WEIGHT, anyone else STAFF_WEIGHT; "if need be" counts half of
    "yes"; ties go to the weekday and time of day used least in recent meetings (rotation).
    Three queries whatever the number of people or times."""
    options = list(poll.options.all())
    experts = set(
        Membership.objects.filter(
            project_id=poll.project_id, kind=Membership.Kind.EXPERIENCE
        ).values_list("user_id", flat=True)
    )
    answers = list(
        TimeAnswer.objects.filter(poll=poll).values_list("option_id", "voter_id", "answer")
    )
    last = scheduling.recent(past_starts(host=poll.project, before=poll.created_at.date()))
    cells = Counter(scheduling.band_of(m) for m in last)
    rows = [_time_result(o, answers, experts, cells) for o in options]
    return sorted(rows, key=lambda r: (-r.score, r.recent_uses, r.starts_at))


def _time_result(option, answers, experts, cells) -> TimeResult:
    mine = [(voter, answer) for option_id, voter, answer in answers if option_id == option.pk]
    weight = lambda voter: (  # noqa: E731
        scheduling.EXPERIENCE_WEIGHT if voter in experts else scheduling.STAFF_WEIGHT
    )
    score = sum(2 * weight(v) for v, a in mine if a == "yes") + sum(
        weight(v) for v, a in mine if a == "if_need_be"
    )
    yes = sum(1 for _v, a in mine if a == "yes")
    maybe = sum(1 for _v, a in mine if a == "if_need_be")
    experts_yes = sum(1 for v, a in mine if a != "no" and v in experts)
    uses = cells[scheduling.band_of(option.starts_at)]
    explanation = (
        f"{yes} can come and {maybe} can come if need be, including {experts_yes} "
        f"{'expert' if experts_yes == 1 else 'experts'} by experience; this day and time of day "
        f"was used for {uses} of the last {len(cells) and sum(cells.values())} meetings."
    )
    return TimeResult(
        option.pk,
        option.starts_at,
        yes,
        maybe,
        sum(1 for _v, a in mine if a == "no"),
        experts_yes,
        score,
        uses,
        explanation,
    )


def my_vote(*, poll: Poll, viewer: User) -> Vote | None:
    return Vote.objects.filter(poll=poll, voter=viewer).first()


def my_time_answers(*, poll: Poll, viewer: User) -> dict[int, str]:
    return dict(
        TimeAnswer.objects.filter(poll=poll, voter=viewer).values_list("option_id", "answer")
    )
