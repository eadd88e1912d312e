"""`copro demo` adds a conversation with replies, a hidden post, a summary that became an idea,
a quick poll, a time poll and a safeguarding lead with one concern - once."""

import pytest
from django.core.management import call_command

from copro.conversations.models import Moderator, Poll, Post, Thread, Vote
from copro.safeguarding.models import Concern, SafeguardingLead


def counts():
    return tuple(
        m.objects.count() for m in (Thread, Post, Poll, Vote, Moderator, SafeguardingLead, Concern)
    )


@pytest.mark.django_db
def test_demo_conversations_polls_and_safeguarding_are_built_once(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo")
    first = counts()
    call_command("demo")
    assert counts() == first
    assert Post.objects.filter(status=Post.Status.HIDDEN).exclude(hidden_reason="").count() == 1
    assert Post.objects.filter(quote__isnull=False).exists()
    assert Thread.objects.filter(idea__isnull=False).count() == 1
    assert set(Poll.objects.values_list("kind", flat=True)) == {"quick", "time"}
    assert Concern.objects.get().actions.count() == 1
