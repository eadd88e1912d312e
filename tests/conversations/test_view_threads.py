"""The conversation pages: who may read and write, starting and replying without JavaScript,
errors beside the field, and the code of conduct where people post."""

import pytest
from django.urls import reverse

from copro.conversations.models import Post, Thread
from tests.conversations.factories import a_thread


def test_a_member_starts_a_thread_and_sees_it(world, sign_in):
    client = sign_in(world.asha)
    url = reverse("conversations:project", args=[world.project_a.pk])
    page = client.get(url)
    assert b"How we talk to each other" in page.content
    response = client.post(url, {"title": "The draft", "body": "It is long."})
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert b"It is long." in client.get(thread.get_absolute_url()).content


def test_an_empty_post_gets_a_message_beside_the_field_and_nothing_is_saved(world, sign_in):
    client = sign_in(world.asha)
    url = reverse("conversations:project", args=[world.project_a.pk])
    page = client.post(url, {"title": "The draft", "body": ""})
    assert page.status_code == 200
    assert b"govuk-error-summary" in page.content
    assert b"Write something before you send it" in page.content
    assert not Thread.objects.exists()


@pytest.mark.parametrize("who", ["bea", "outsider", "administrator"])
def test_az1_people_outside_the_project_get_404(world, sign_in, who):
    thread = a_thread(world)
    client = sign_in(getattr(world, who))
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("conversations:project", args=[world.project_a.pk])).status_code == 404
    )
    post = thread.posts.get()
    assert client.post(thread.get_absolute_url(), {"body": "sneaky"}).status_code == 404
    report = reverse("conversations:post_report", args=[thread.pk, post.pk])
    assert client.get(report).status_code == 404
    assert Post.objects.count() == 1


def test_az2_a_post_of_another_thread_answers_404(world, sign_in):
    mine = a_thread(world)
    other = a_thread(world, title="Other")
    client = sign_in(world.asha)
    url = reverse("conversations:post_edit", args=[mine.pk, other.posts.get().pk])
    assert client.get(url).status_code == 404


def test_a_moderator_reads_the_project_they_moderate_but_cannot_post(world, sign_in):
    thread = a_thread(world)
    client = sign_in(world.moderator)
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert client.post(thread.get_absolute_url(), {"body": "Hello"}).status_code == 404


def test_replying_with_a_quote(world, sign_in):
    thread = a_thread(world, body="The first words")
    first = thread.posts.get()
    client = sign_in(world.ben)
    page = client.get(thread.get_absolute_url() + f"?quote={first.pk}")
    assert b"You are quoting Asha" in page.content
    client.post(thread.get_absolute_url(), {"body": "Quite right", "quote": first.pk})
    reply = Post.objects.latest("pk")
    assert reply.quote == first and reply.author == world.ben


def test_the_lead_adds_a_view_given_by_post_and_it_is_marked(world, sign_in):
    thread = a_thread(world)
    client = sign_in(world.lead)
    client.post(
        reverse("conversations:on_behalf", args=[thread.pk]),
        {"behalf-person": world.ben.pk, "behalf-route": "post", "behalf-body": "By letter"},
    )
    post = Post.objects.latest("pk")
    assert (post.author, post.route, post.entered_by) == (world.ben, "post", world.lead)
    assert b"Sent by post" in client.get(thread.get_absolute_url()).content


def test_az3_someone_outside_the_project_cannot_be_written_for(world, sign_in):
    thread = a_thread(world)
    client = sign_in(world.lead)
    client.post(
        reverse("conversations:on_behalf", args=[thread.pk]),
        {"behalf-person": world.bea.pk, "behalf-route": "post", "behalf-body": "Not a member"},
    )
    assert Post.objects.count() == 1


def test_a_member_who_does_not_run_the_project_cannot_close_it(world, sign_in):
    thread = a_thread(world)
    client = sign_in(world.asha)
    assert client.get(reverse("conversations:close", args=[thread.pk])).status_code == 404
    lead = sign_in(world.lead)
    lead.post(reverse("conversations:close", args=[thread.pk]), {"summary": "Agreed."})
    assert Thread.objects.get().status == "closed"


def test_405_for_the_wrong_method(world, sign_in):
    thread = a_thread(world)
    client = sign_in(world.lead)
    assert client.get(reverse("conversations:to_idea", args=[thread.pk])).status_code == 405
    assert client.put(thread.get_absolute_url()).status_code == 405
