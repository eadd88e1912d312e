"""Attaching a paper to a post follows the meeting paper rules (type by content, size, virus
scan), and two people replying at once both keep their posts (CONC)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from copro.conversations import services
from copro.conversations.models import Post
from tests.concurrency import run_together, skip_on_sqlite
from tests.conversations.factories import a_thread


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_file_a_paper_attached_to_a_reply_is_kept_and_only_members_download_it(
    world, sign_in, media
):
    thread = a_thread(world)
    client = sign_in(world.asha)
    upload = SimpleUploadedFile("notes.txt", b"Plain words for everyone.", "text/plain")
    client.post(thread.get_absolute_url(), {"body": "See my notes", "attachment": upload})
    post = Post.objects.latest("pk")
    assert post.attachment_name == "notes.txt" and post.attachment_kind == "txt"
    url = reverse("conversations:attachment", args=[thread.pk, post.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"Plain words for everyone."
    assert sign_in(world.bea).get(url).status_code == 404


def test_file_a_fake_pdf_is_refused_beside_the_field_and_nothing_saved(world, sign_in, media):
    thread = a_thread(world)
    client = sign_in(world.asha)
    fake = SimpleUploadedFile("paper.pdf", b"<html>not a pdf</html>", "application/pdf")
    page = client.post(thread.get_absolute_url(), {"body": "Here", "attachment": fake})
    assert page.status_code == 200
    assert b"This file is not a real PDF" in page.content
    assert Post.objects.count() == 1


def test_file_a_file_over_the_limit_is_refused(world, sign_in, media, settings):
    settings.MEETING_PAPER_MAX_BYTES = 100
    thread = a_thread(world)
    client = sign_in(world.asha)
    big = SimpleUploadedFile("notes.txt", b"word " * 100, "text/plain")
    page = client.post(thread.get_absolute_url(), {"body": "Here", "attachment": big})
    assert b"The file is too big" in page.content
    assert Post.objects.count() == 1


def test_file_an_infected_file_is_refused(world, sign_in, media, clamd):
    thread = a_thread(world)
    client = sign_in(world.asha)
    eicar = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
    upload = SimpleUploadedFile("notes.txt", eicar, "text/plain")
    page = client.post(thread.get_absolute_url(), {"body": "Here", "attachment": upload})
    assert b"virus" in page.content
    assert Post.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_conc_two_people_replying_at_once_both_keep_their_posts():
    skip_on_sqlite()
    from tests.conversations.factories import make_world

    world = make_world()
    thread = a_thread(world)
    people = [world.asha, world.ben, world.lead] * 2
    errors = run_together(
        [
            lambda p=p, n=n: services.post_add(thread=thread, body=f"Reply {n}", author=p, by=p)
            for n, p in enumerate(people)
        ]
    )
    assert errors == []
    assert thread.posts.count() == 1 + len(people)
