"""Demo conversations and polls on the project Asha (asha.citizen) belongs to: a thread about a
meeting paper with replies and a quote, one post reported and hidden by a moderator (Sam, who
moderates that project), a closed thread whose summary became an idea, a quick poll and a time
poll with answers. Runs once."""

import datetime

from django.utils import timezone

from copro.conversations import services
from copro.conversations.models import Moderator, Poll, Thread
from copro.meetings.models import Paper
from copro.people.models import User
from copro.projects.models import Membership, Project

FIRST_TITLE = "What do you think of the draft paper?"


def _people() -> dict[str, User]:
    return {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}


def _project(asha: User) -> Project | None:
    found = (
        Project.objects.filter(memberships__user=asha, memberships__left_on__isnull=True)
        .order_by("pk")
        .first()
    )
    return found or Project.objects.order_by("pk").first()


def _members(project: Project) -> list[Membership]:
    return list(
        Membership.objects.filter(project=project, left_on__isnull=True).select_related("user")
    )


def _threads(project, members, asha, sam) -> None:
    others = [m.user for m in members if m.user_id != asha.pk] or [asha]
    lead = next((m for m in members if m.role == Membership.Role.LEAD), members[0])
    paper = Paper.objects.filter(meeting__project=project).order_by("pk").first()
    thread = services.thread_start(
        project=project,
        title=FIRST_TITLE,
        body="I have read the draft. The first part is clear, but the section on costs uses a "
        "lot of long words. Could we ask for a shorter version before the meeting?",
        paper=paper,
        by=asha,
    )
    first = thread.posts.first()
    reply = services.post_add(
        thread=thread,
        body="I agree about the costs. A table would help. See https://www.gov.uk/guidance "
        "for how others lay it out.",
        author=others[0],
        by=others[0],
        quote=first,
    )
    rude = services.post_add(
        thread=thread,
        body="Anyone who cannot follow the costs section should not be on this project.",
        author=others[-1],
        by=others[-1],
    )
    services.post_report(post=rude, reason="This is a put-down of other members.", by=asha)
    services.post_hide(
        post=rude,
        reason="It puts down other members. Please say what you think of the paper instead.",
        by=sam,
    )
    services.post_add(
        thread=thread,
        body="Thank you. I will ask for a summary table of the costs.",
        author=lead.user,
        by=lead.user,
        quote=reply,
    )
    closed = services.thread_start(
        project=project,
        title="Where should we put the information leaflets?",
        body="Libraries and GP surgeries came up at the last meeting. Any others?",
        by=lead.user,
    )
    services.post_add(
        thread=closed,
        body="The community centre and the bus station, please.",
        author=asha,
        by=asha,
    )
    services.thread_close(
        thread=closed,
        summary="Put leaflets in libraries, GP surgeries, the community centre and the bus "
        "station.",
        by=lead.user,
    )
    services.thread_to_idea(thread=closed, member=lead, by=lead.user)


def _polls(project, members, asha) -> None:
    lead = next((m for m in members if m.role == Membership.Role.LEAD), members[0]).user
    now = timezone.now()
    quick = services.poll_open(
        project=project,
        question="Which day suits the next workshop best?",
        options=["A weekday", "A Saturday", "Either is fine"],
        closes_at=now + datetime.timedelta(days=10),
        by=lead,
    )
    options = list(quick.options.all())
    for index, member in enumerate(members):
        services.poll_vote(poll=quick, option=options[index % len(options)], voter=member.user)
    start = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)
    times = [start + datetime.timedelta(days=d, hours=h) for d, h in ((15, 0), (16, 8), (22, 4))]
    time_poll = services.poll_open(
        project=project,
        question="Next project meeting",
        times=times,
        closes_at=now + datetime.timedelta(days=7),
        duration_minutes=90,
        by=lead,
    )
    answers = ("yes", "if_need_be", "no")
    choices = list(time_poll.options.all())
    for index, member in enumerate(members):
        services.time_poll_answer(
            poll=time_poll,
            answers={o.pk: answers[(index + n) % 3] for n, o in enumerate(choices)},
            voter=member.user,
        )


def load(*, out) -> None:
    people = _people()
    asha, sam = people.get("asha.citizen"), people.get("sam.staff")
    project = _project(asha) if asha else None
    if project is None or sam is None:
        out.write("  Conversations: skipped (the demo people or projects are not there).")
        return
    if Thread.objects.filter(project=project, title=FIRST_TITLE).exists():
        out.write("  Conversations: already there.")
        return
    Moderator.objects.get_or_create(user=sam, project=project)
    members = _members(project)
    _threads(project, members, asha, sam)
    if not Poll.objects.filter(project=project).exists():
        _polls(project, members, asha)
    out.write(
        f"  Conversations on \u201c{project.title}\u201d (one post hidden by Sam, who "
        "moderates there), a quick poll and a time poll."
    )
