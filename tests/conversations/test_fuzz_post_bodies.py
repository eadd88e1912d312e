"""FUZZ rows for post bodies: any Unicode, HTML, script and very long text is shown as text,
links are made safe, and nothing crashes (the renderer and the page)."""

import re

from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from copro.conversations.models import Post
from copro.conversations.templatetags.post_text import render_post_text
from tests.conversations.factories import a_thread

HOSTILE = st.one_of(
    st.text(max_size=500),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '<a href="javascript:alert(1)">x</a>',
            'https://example.org/?a=<b>&c="d"',
            "\u202eevil\u202c \u200b\u0000 \U0001f600 e\u0301",
            "javascript:alert(1)",
            "<img src=x onerror=alert(1)>",
        ]
    ),
)


@given(body=HOSTILE)
def test_fuzz_post_text_never_lets_markup_through(body):
    html = str(render_post_text(body))
    stripped = re.sub(
        r'<a class="govuk-link" href="[^"<>]*" rel="nofollow ugc noopener">', "", html
    )
    stripped = stripped.replace("</a>", "").replace("<br>", "")
    assert "<" not in stripped and ">" not in stripped
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.lower().startswith(("http://", "https://"))


def test_fuzz_links_get_rel_nofollow_ugc_noopener():
    html = str(render_post_text("See https://example.org/page, then <b>bold</b>."))
    assert (
        '<a class="govuk-link" href="https://example.org/page" rel="nofollow ugc noopener">' in html
    )
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


@given(body=st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_fuzz_any_post_is_saved_and_shown_as_text(world, client, body):
    thread = a_thread(world)
    client.force_login(world.asha)
    client.post(thread.get_absolute_url(), {"body": body})
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200
    assert b"<script>alert" not in page.content


def test_fuzz_a_very_long_post_is_refused_beside_the_field_and_nothing_saved(world, client):
    thread = a_thread(world)
    client.force_login(world.asha)
    page = client.post(thread.get_absolute_url(), {"body": "word " * 2001})
    assert page.status_code == 200
    assert b"Keep it under 10,000 characters" in page.content
    assert Post.objects.count() == 1


def test_fuzz_script_in_a_title_and_post_is_shown_as_text(world, client):
    client.force_login(world.asha)
    client.post(
        reverse("conversations:project", args=[world.project_a.pk]),
        {"title": "<script>x()</script>", "body": "<script>alert(1)</script>"},
    )
    thread = world.project_a.threads.get()
    page = client.get(thread.get_absolute_url())
    assert b"<script>alert(1)</script>" not in page.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page.content
