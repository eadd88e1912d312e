"""A thread of 500 posts costs the same queries as one of 5; so do the project's conversation
list, a poll and a time poll with many people (DESIGN.md: bounded queries on every page)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from copro.conversations import services
from copro.conversations.models import Post
from tests.conversations.factories import a_thread
from tests.people.factories import UserFactory
from tests.projects.factories import MembershipFactory


def _grow(world, thread, n: int) -> None:
    """n more posts by n different members, some quoting, one hidden, one deleted."""
    people = [UserFactory(display_name=f"Member {i}") for i in range(min(n, 50))]
    for person in people:
        MembershipFactory(project=world.project_a, user=person)
    first = thread.posts.first()
    rows = [
        Post(
            thread=thread,
            author=people[i % len(people)],
            body=f"Post {i} https://example.org/{i}",
            quote=first if i % 3 == 0 else None,
        )
        for i in range(n)
    ]
    Post.objects.bulk_create(rows)
    posts = list(thread.posts.order_by("pk"))
    services.post_hide(post=posts[1], reason="Unkind", by=world.moderator)
    services.post_delete(post=posts[2], by=posts[2].author)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("n", [5, 500])
def test_qc_a_thread_page_costs_the_same_queries_for_5_or_500_posts(
    world, client, django_assert_num_queries, n
):
    thread = a_thread(world)
    _grow(world, thread, n)
    client.force_login(world.asha)
    # session, user, thread (with project, decision, paper, idea, proposal), membership,
    # moderator role, posts (with author, entered_by, quoted post and its author),
    # savepoint pair around the page's session save are not counted; the unread notifications
    # count in the header: 7 queries.
    with django_assert_num_queries(7):
        page = client.get(thread.get_absolute_url())
    assert page.status_code == 200
    assert page.content.count(b'rel="nofollow ugc noopener"') >= n - 2


@pytest.mark.parametrize("n", [5, 200])
def test_qc_the_project_conversations_page_is_bounded(world, client, django_assert_num_queries, n):
    for i in range(n):
        a_thread(world, title=f"Thread {i}")
    client.force_login(world.asha)
    # session, user, project, membership, moderator role, threads with shown-post counts, the
    # unread notifications count in the header
    with django_assert_num_queries(7):
        client.get(reverse("conversations:project", args=[world.project_a.pk]))


def _voters(world, quick, timed, start: int, n: int) -> None:
    options = list(quick.options.all())
    slots = list(timed.options.all())
    for i in range(start, start + n):
        person = UserFactory(display_name=f"Voter {i}")
        MembershipFactory(project=world.project_a, user=person, kind="experience")
        services.poll_vote(poll=quick, option=options[i % 2], voter=person)
        services.time_poll_answer(poll=timed, answers={s.pk: "yes" for s in slots}, voter=person)


def test_qc_poll_pages_cost_the_same_for_3_or_60_voters(world, sign_in):
    soon = timezone.now() + datetime.timedelta(days=3)
    quick = services.poll_open(
        project=world.project_a,
        question="Tea?",
        options=["Tea", "Coffee"],
        closes_at=soon,
        by=world.lead,
    )
    times = [soon + datetime.timedelta(days=d) for d in range(1, 4)]
    timed = services.poll_open(
        project=world.project_a, question="When?", times=times, closes_at=soon, by=world.lead
    )
    client = sign_in(world.lead)
    _voters(world, quick, timed, 0, 3)
    small = (_count(client, quick.get_absolute_url()), _count(client, timed.get_absolute_url()))
    _voters(world, quick, timed, 3, 57)
    large = (_count(client, quick.get_absolute_url()), _count(client, timed.get_absolute_url()))
    assert small == large
    # quick poll: session, user, device check, poll (with project, meeting), membership,
    # moderator role, my vote, options (form), options and votes (results): about 10;
    # time poll: options, my answers, members by experience, answers, past meetings: about 12
    assert large[0] <= 12 and large[1] <= 14
