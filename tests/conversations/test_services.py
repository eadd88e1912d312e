"""Threads and posts: starting, replying, quoting, closing and taking a summary forward."""

import pytest
from django.core.exceptions import ValidationError

from copro.conversations import services
from copro.conversations.models import ModerationEntry, Post, PostEdit, Thread
from copro.notifications.models import Notification
from copro.projects.models import Contribution, Decision
from tests.conversations.factories import a_thread
from tests.projects.factories import DecisionFactory


def test_starting_a_thread_tells_the_other_members_without_the_words(world):
    thread = a_thread(world, body="A secret-ish thought")
    told = Notification.objects.filter(kind="conversation_post")
    assert set(told.values_list("recipient", flat=True)) == {world.lead.pk, world.ben.pk}
    assert all("secret-ish" not in n.body and "secret-ish" not in n.title for n in told)
    assert thread.posts.count() == 1


def test_a_reply_quotes_a_post_of_the_same_thread_only(world):
    thread = a_thread(world)
    other = a_thread(world, title="Another")
    first = thread.posts.get()
    reply = services.post_add(
        thread=thread, body="Agreed", author=world.ben, by=world.ben, quote=first
    )
    assert reply.quote == first
    with pytest.raises(ValidationError):
        services.post_add(thread=other, body="Wrong", author=world.ben, by=world.ben, quote=first)


def test_a_view_given_by_phone_is_marked_and_credited_to_the_person(world):
    thread = a_thread(world)
    post = services.post_add(
        thread=thread, body="She said yes", author=world.asha, by=world.lead, route="phone"
    )
    assert (post.author, post.entered_by, post.route) == (world.asha, world.lead, "phone")


def test_a_closed_thread_takes_no_more_posts(world):
    thread = a_thread(world)
    services.thread_close(thread=thread, summary="We agreed.", by=world.lead)
    with pytest.raises(ValidationError):
        services.post_add(thread=thread, body="Late", author=world.ben, by=world.ben)


def test_a_summary_becomes_an_idea_with_the_link_kept(world):
    thread = a_thread(world)
    services.thread_close(thread=thread, summary="Leaflets in libraries.", by=world.lead)
    idea = services.thread_to_idea(thread=thread, member=world.lead_membership, by=world.lead)
    assert Thread.objects.get(pk=thread.pk).idea == idea
    assert idea.kind == Contribution.Kind.IDEA and "Leaflets in libraries." in idea.text
    with pytest.raises(ValidationError):  # only once
        services.thread_to_decision(thread=thread, by=world.lead)


def test_a_summary_becomes_a_decision_proposal(world):
    thread = a_thread(world)
    with pytest.raises(ValidationError):  # not before it is closed
        services.thread_to_decision(thread=thread, by=world.lead)
    services.thread_close(thread=thread, summary="Meet at the library.", by=world.lead)
    proposal = services.thread_to_decision(thread=thread, by=world.lead)
    assert proposal.status == Decision.Status.OPEN
    assert Thread.objects.get(pk=thread.pk).proposal == proposal


def test_a_thread_on_a_decision_needs_an_open_decision_of_the_project(world):
    open_one = DecisionFactory(project=world.project_a)
    services.thread_start(
        project=world.project_a, title="On it", body="Hm", by=world.asha, decision=open_one
    )
    other = DecisionFactory(project=world.project_b)
    with pytest.raises(ValidationError):
        services.thread_start(
            project=world.project_a, title="On it", body="Hm", by=world.asha, decision=other
        )


def test_editing_keeps_the_history_and_deleting_leaves_a_marker(world):
    thread = a_thread(world, body="First words")
    post = thread.posts.get()
    services.post_edit(post=post, body="Second words", by=world.asha)
    assert list(PostEdit.objects.values_list("body_before", flat=True)) == ["First words"]
    with pytest.raises(ValidationError):
        services.post_edit(post=post, body="Not mine", by=world.ben)
    services.post_delete(post=post, by=world.asha)
    post.refresh_from_db()
    assert post.status == Post.Status.DELETED
    assert list(
        ModerationEntry.objects.filter(post=post)
        .order_by("at", "pk")
        .values_list("action", flat=True)
    ) == ["edited", "deleted"]


def test_the_moderation_log_cannot_be_changed(world):
    post = a_thread(world).posts.get()
    services.post_report(post=post, reason="Rude", by=world.ben)
    entry = ModerationEntry.objects.get()
    entry.reason = "changed"
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()


def test_hiding_needs_a_reason_and_tells_the_author(world):
    post = a_thread(world).posts.get()
    with pytest.raises(ValidationError):
        services.post_hide(post=post, reason=" ", by=world.moderator)
    services.post_hide(post=post, reason="A put-down", by=world.moderator)
    told = Notification.objects.get(kind="post_hidden", recipient=world.asha)
    assert "A put-down" in told.body
    services.post_restore(post=post, reason="On second look it is fine", by=world.moderator)
    post.refresh_from_db()
    assert post.status == Post.Status.SHOWN and post.hidden_reason == ""
