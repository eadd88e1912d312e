"""Quick polls and time polls. A vote counts once per person (a unique constraint; a second go
changes the answer), and every vote and the close take the poll's row lock first, so a vote
that arrives while the poll closes is either counted before the close or refused after it."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from copro.conversations.models import Poll, PollOption, TimeAnswer, Vote
from copro.meetings import services as meeting_services
from copro.meetings.models import Meeting
from copro.notifications.services import notify
from copro.people.models import User
from copro.projects.models import Membership, Project

CLOSED = "This poll has closed, so it no longer takes answers."


@transaction.atomic
def poll_open(
    *,
    project: Project,
    question: str,
    closes_at: datetime,
    by: User,
    options: list[str] = (),
    times: list[datetime] = (),
    anonymous: bool = False,
    duration_minutes: int = 90,
) -> Poll:
    kind = Poll.Kind.TIME if times else Poll.Kind.QUICK
    if closes_at <= timezone.now():
        raise ValidationError({"closes_at": "The closing date must be in the future"})
    cleaned = [" ".join(t.split()) for t in options if t.strip()]
    if kind == Poll.Kind.QUICK and len(set(cleaned)) < 2:
        raise ValidationError({"options": "Give at least two different answers to choose from"})
    poll = Poll(
        project=project,
        kind=kind,
        question=" ".join(question.split()),
        anonymous=anonymous,
        closes_at=closes_at,
        duration_minutes=duration_minutes,
        created_by=by,
        updated_by=by,
    )
    poll.full_clean()
    poll.save()
    rows = (
        [PollOption(poll=poll, starts_at=t, order=n) for n, t in enumerate(sorted(set(times)))]
        if kind == Poll.Kind.TIME
        else [PollOption(poll=poll, text=t, order=n) for n, t in enumerate(dict.fromkeys(cleaned))]
    )
    PollOption.objects.bulk_create(rows)
    notify(
        recipients=[
            m.user
            for m in Membership.objects.filter(project=project, left_on__isnull=True)
            .exclude(user=by)
            .select_related("user")
        ],
        kind="poll_opened",
        event_key=f"poll-opened:{poll.pk}",
        title=f"A new poll in {project.title}: \u201c{poll.question}\u201d",
        url=poll.get_absolute_url(),
    )
    return poll


def _open_for_update(poll: Poll) -> Poll:
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if poll.closed_at is not None or poll.closes_at <= timezone.now():
        raise ValidationError(CLOSED, code="closed")
    return poll


def poll_vote(*, poll: Poll, option: PollOption, voter: User) -> Vote:
    """Vote, or change the vote. Retries and double submits leave one row."""
    if option.poll_id != poll.pk:
        raise ValidationError({"option": "Choose one of the answers"})
    for _attempt in range(2):
        try:
            with transaction.atomic():
                _open_for_update(poll)
                vote, _made = Vote.objects.update_or_create(
                    poll=poll, voter=voter, defaults={"option": option}
                )
                return vote
        except IntegrityError:
            continue  # the same person's other request made the row first: update it
    raise ValidationError("We could not record your answer. Please try again.")


def time_poll_answer(*, poll: Poll, answers: dict[int, str], voter: User) -> list[TimeAnswer]:
    """`answers` maps each proposed time (option id) to yes, if need be or no."""
    valid = set(TimeAnswer.Answer.values)
    if any(a not in valid for a in answers.values()):
        raise ValidationError("Choose yes, if need be or no for each time")
    for _attempt in range(2):
        try:
            with transaction.atomic():
                _open_for_update(poll)
                options = {o.pk: o for o in poll.options.filter(pk__in=answers)}
                return [
                    TimeAnswer.objects.update_or_create(
                        poll=poll, option=options[pk], voter=voter, defaults={"answer": answer}
                    )[0]
                    for pk, answer in answers.items()
                    if pk in options
                ]
        except IntegrityError:
            continue
    raise ValidationError("We could not record your answers. Please try again.")


@transaction.atomic
def poll_close(*, poll: Poll, by: User) -> Poll:
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if poll.closed_at is not None:
        raise ValidationError("This poll has already closed")
    poll.closed_at = timezone.now()
    poll.updated_by = by
    poll.save(update_fields=["closed_at", "updated_by", "updated_at"])
    return poll


@transaction.atomic
def time_poll_schedule(
    *,
    poll: Poll,
    option: PollOption,
    title: str,
    online_link: str,
    by: User,
    purpose: str = Meeting.Purpose.DESIGN,
) -> Meeting:
    """Plan the meeting at the chosen time and close the poll: one meeting per poll."""
    poll = Poll.objects.select_for_update().select_related("project").get(pk=poll.pk)
    if poll.kind != Poll.Kind.TIME or option.poll_id != poll.pk:
        raise ValidationError({"option": "Choose one of the times in this poll"})
    if poll.meeting_id is not None:
        raise ValidationError("A meeting has already been planned from this poll")
    meeting = meeting_services.meeting_plan(
        project=poll.project,
        by=by,
        title=title,
        starts_at=option.starts_at,
        duration_minutes=poll.duration_minutes,
        format=Meeting.Format.ONLINE,
        purpose=purpose,
        online_link=online_link,
    )
    poll.meeting = meeting
    poll.closed_at = poll.closed_at or timezone.now()
    poll.updated_by = by
    poll.save(update_fields=["meeting", "closed_at", "updated_by", "updated_at"])
    return meeting
