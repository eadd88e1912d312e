"""The conversations API: the same access rules as the pages (AZ-1), hidden words kept from
everyone but the author and moderators (MOD-1), and one vote per person (CONC-2)."""

import datetime

import pytest
from django.utils import timezone

from copro.conversations import services
from copro.conversations.models import Post, Vote
from tests.conversations.factories import a_thread


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_a_member_lists_threads_and_replies(world, sign_in):
    thread = a_thread(world, body="Start")
    client = sign_in(world.ben)
    listed = client.get(f"/api/v1/conversations/projects/{world.project_a.pk}/threads")
    assert [t["id"] for t in listed.json()] == [thread.pk]
    made = _post(client, f"/api/v1/conversations/threads/{thread.pk}/posts", {"body": "Reply"})
    assert made.status_code == 201 and made.json()["body"] == "Reply"


@pytest.mark.parametrize("who", ["bea", "outsider", "administrator"])
def test_az1_outsiders_get_404_with_a_valid_body(world, sign_in, who):
    thread = a_thread(world)
    post = thread.posts.get()
    client = sign_in(getattr(world, who))
    base = "/api/v1/conversations"
    assert client.get(f"{base}/threads/{thread.pk}/posts").status_code == 404
    assert _post(client, f"{base}/threads/{thread.pk}/posts", {"body": "x"}).status_code == 404
    assert (
        _post(
            client, f"{base}/projects/{world.project_a.pk}/threads", {"title": "t", "body": "b"}
        ).status_code
        == 404
    )
    hide = f"{base}/threads/{thread.pk}/posts/{post.pk}/hide"
    assert _post(client, hide, {"reason": "no"}).status_code == 404
    assert Post.objects.count() == 1


def test_mod1_api_hides_the_words_but_keeps_the_place(world, sign_in):
    thread = a_thread(world, body="Hidden words here")
    post = thread.posts.get()
    mod = sign_in(world.moderator)
    hidden = _post(
        mod,
        f"/api/v1/conversations/threads/{thread.pk}/posts/{post.pk}/hide",
        {"reason": "Unkind"},
    )
    assert hidden.status_code == 200 and hidden.json()["status"] == "hidden"
    member = sign_in(world.ben)
    rows = member.get(f"/api/v1/conversations/threads/{thread.pk}/posts").json()
    assert rows == [
        {**rows[0], "id": post.pk, "status": "hidden", "body": None, "hidden_reason": None}
    ]
    author_rows = sign_in(world.asha).get(f"/api/v1/conversations/threads/{thread.pk}/posts")
    assert author_rows.json()[0]["body"] == "Hidden words here"
    assert author_rows.json()[0]["hidden_reason"] == "Unkind"


def test_a_member_cannot_hide_a_post(world, sign_in):
    post = a_thread(world).posts.get()
    client = sign_in(world.ben)
    url = f"/api/v1/conversations/threads/{post.thread_id}/posts/{post.pk}/hide"
    assert _post(client, url, {"reason": "no"}).status_code == 404


def test_conc2_voting_twice_through_the_api_leaves_one_vote(world, sign_in):
    poll = services.poll_open(
        project=world.project_a,
        question="Tea or coffee?",
        options=["Tea", "Coffee"],
        closes_at=timezone.now() + datetime.timedelta(days=1),
        by=world.lead,
    )
    tea, coffee = poll.options.all()
    client = sign_in(world.asha)
    url = f"/api/v1/conversations/polls/{poll.pk}/vote"
    _post(client, url, {"option_id": tea.pk})
    answer = _post(client, url, {"option_id": coffee.pk})
    assert answer.status_code == 200
    counts = {o["text"]: o["count"] for o in answer.json()["options"]}
    assert counts == {"Tea": 0, "Coffee": 1}
    assert Vote.objects.filter(poll=poll).count() == 1
    assert answer.json()["note"] == "A poll is not a decision."
