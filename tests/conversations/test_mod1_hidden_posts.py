"""MOD-1: a hidden post is hidden on every page, notification, export and API that shows posts,
except to its author and to moderators, who see it with the reason; the log keeps who, when
and why."""

import pytest
from django.urls import reverse

from copro.conversations import services
from copro.conversations.models import ModerationEntry
from copro.notifications.models import Notification
from tests.conversations.factories import a_thread

WORDS = "CANARY-hidden-words"


@pytest.fixture
def hidden(world):
    thread = a_thread(world)
    post = services.post_add(thread=thread, body=WORDS, author=world.ben, by=world.ben)
    services.post_add(thread=thread, body="Reply", author=world.asha, by=world.asha, quote=post)
    services.post_report(post=post, reason="Unkind", by=world.asha)
    services.post_hide(post=post, reason="It was unkind", by=world.moderator)
    return thread, post


def _pages(thread, post):
    return [
        thread.get_absolute_url(),
        reverse("conversations:project", args=[thread.project_id]),
        reverse("conversations:post_report", args=[thread.pk, post.pk]),
    ]


def test_mod1_members_never_see_the_hidden_words(world, sign_in, hidden):
    thread, post = hidden
    client = sign_in(world.asha)
    page = client.get(thread.get_absolute_url())
    assert WORDS.encode() not in page.content
    assert b"A moderator has hidden this post" in page.content
    for url in _pages(thread, post)[1:]:
        assert WORDS.encode() not in client.get(url).content
    api = client.get(f"/api/v1/conversations/threads/{thread.pk}/posts")
    assert WORDS.encode() not in api.content


def test_mod1_the_author_and_moderators_see_it_with_the_reason(world, sign_in, hidden):
    thread, _post = hidden
    for person in (world.ben, world.moderator):
        page = sign_in(person).get(thread.get_absolute_url())
        assert WORDS.encode() in page.content
        assert b"It was unkind" in page.content


def test_mod1_no_notification_or_email_carries_post_words(world, hidden, mailoutbox):
    assert not Notification.objects.filter(body__contains=WORDS).exists()
    assert not Notification.objects.filter(title__contains=WORDS).exists()
    assert all(WORDS not in m.body and WORDS not in m.subject for m in mailoutbox)


def test_mod1_the_log_keeps_who_when_and_why(world, sign_in, hidden):
    _thread, post = hidden
    entries = list(ModerationEntry.objects.filter(post=post).order_by("at", "pk"))
    assert [(e.action, e.by, e.reason) for e in entries] == [
        ("reported", world.asha, "Unkind"),
        ("hidden", world.moderator, "It was unkind"),
    ]
    log = sign_in(world.moderator).get(reverse("conversations:moderation_log"))
    assert b"It was unkind" in log.content


def test_mod1_moderators_only_act_in_their_remit(world, sign_in):
    from copro.conversations.models import Moderator
    from tests.people.factories import UserFactory

    other_mod = UserFactory(display_name="Other moderator")
    Moderator.objects.create(user=other_mod, project=world.project_b)
    post = a_thread(world).posts.get()
    client = sign_in(other_mod)
    url = reverse("conversations:post_hide", args=[post.thread_id, post.pk])
    assert client.post(url, {"reason": "no"}).status_code == 404
    assert client.get(reverse("conversations:reports")).status_code == 200
    assert b"About the draft" not in client.get(reverse("conversations:reports")).content


def test_mod1_a_hidden_post_is_404_to_others_on_its_own_pages(world, sign_in, hidden):
    thread, post = hidden
    client = sign_in(world.asha)
    assert (
        client.get(reverse("conversations:post_report", args=[thread.pk, post.pk])).status_code
        == 404
    )
