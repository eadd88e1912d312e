"""The public page cache (issue 20): kept pages are only ever what any visitor would get, and a
change to the record is visible to the very next reader."""

import pytest
from django.core.cache import caches
from django.db import transaction
from django.urls import reverse

from copro.core import public_cache
from copro.projects.models import Project
from tests.projects.factories import ProjectFactory


@pytest.fixture
def cache_on(settings):
    settings.PUBLIC_CACHE_SECONDS = 120
    caches["default"].clear()
    caches["versions"].clear()
    yield
    caches["default"].clear()
    caches["versions"].clear()


@pytest.fixture
def published(db):
    return ProjectFactory(title="Cafe at the library", visibility=Project.Visibility.PUBLIC)


def _read(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.get("X-Public-Cache")


def test_a_public_page_is_kept_and_served_again_the_same(client, cache_on, published):
    url = published.get_absolute_url()
    first, state = _read(client, url)
    assert (first.status_code, state) == (200, "miss")
    second, state = _read(client, url)
    assert (second.status_code, state) == (200, "hit")
    assert second.content == first.content
    # The kept page carries the security headers of the first answer, and no nonce to reuse.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce-" not in second["Content-Security-Policy"]
    assert b"Cafe at the library" in second.content


# These run with real commits: the version moves only when a change is committed (and the
# demo-free database is put back afterwards for the tests that follow).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_to_the_record_is_seen_by_the_next_reader(client, cache_on, published):
    url = published.get_absolute_url()
    _read(client, url)
    assert _read(client, url)[1] == "hit"
    published.title = "Cafe in the park"
    published.save()
    page, state = _read(client, url)
    assert state == "miss"
    assert b"Cafe in the park" in page.content and b"Cafe at the library" not in page.content


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_that_is_rolled_back_keeps_the_kept_page(client, cache_on, published):
    url = published.get_absolute_url()
    _read(client, url)
    version = public_cache.record_version()
    try:
        with transaction.atomic():
            published.title = "Never saved"
            published.save()
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert public_cache.record_version() == version
    assert _read(client, url)[1] == "hit"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_any_write_through_the_web_moves_the_version(client, cache_on, published):
    version = public_cache.record_version()
    client.post(reverse("writing:check"), {"text": "A short line to check."})
    assert public_cache.record_version() > version


def test_signed_in_people_never_get_a_kept_page(client, cache_on, published, citizen_a):
    url = published.get_absolute_url()
    _read(client, url)
    client.force_login(citizen_a)
    page, state = _read(client, url)
    assert state is None
    assert citizen_a.display_name.encode() in page.content
    assert "no-store" in page["Cache-Control"]


def test_a_page_with_a_form_is_never_kept(client, cache_on, db):
    url = reverse("accounts:sign_in")
    assert _read(client, url)[1] is None
    assert _read(client, url)[1] is None


def test_a_kept_page_answers_a_conditional_request_with_304(client, cache_on, published):
    url = published.get_absolute_url()
    first, _ = _read(client, url)
    etag = first["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_a_very_long_address_is_not_kept(client, cache_on, published):
    url = published.get_absolute_url() + "?q=" + "x" * 400
    assert _read(client, url)[1] is None


def test_the_cache_off_keeps_nothing(client, settings, published):
    settings.PUBLIC_CACHE_SECONDS = 0
    url = published.get_absolute_url()
    assert _read(client, url)[1] is None
    assert _read(client, url)[1] is None


def _redis_answers() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_answers(), reason="Redis is not reachable at 127.0.0.1:6379")
def test_with_redis_two_servers_share_one_version(monkeypatch):
    """Several app servers share Redis (REDIS_URL): a change on one is seen by the others."""
    from django.core.cache.backends.redis import RedisCache

    def server():
        return RedisCache("redis://127.0.0.1:6379/15", {"TIMEOUT": None, "KEY_PREFIX": "test"})

    first, second = server(), server()
    first.delete(public_cache.VERSION_KEY)
    monkeypatch.setattr(public_cache, "_versions", lambda: first)
    public_cache._bump()
    public_cache._bump()
    monkeypatch.setattr(public_cache, "_versions", lambda: second)
    assert public_cache.record_version() == 2
    first.delete(public_cache.VERSION_KEY)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_evidence_is_worked_out_once_per_change_to_the_record(settings, cache_on, published):
    """Issue 20: a project's evidence is kept for the same record version, and a change to the
    record gives fresh evidence to the next reader."""
    from copro.projects.evidence import placement
    from copro.projects.models import Membership
    from tests.people.factories import UserFactory
    from tests.projects.factories import MembershipFactory

    settings.EVIDENCE_CACHE_SECONDS = 300
    first = placement.project_evidence(project=published)
    calls = []
    real = placement._compute_evidence

    def counting(**kwargs):
        calls.append(1)
        return real(**kwargs)

    placement._compute_evidence = counting
    try:
        again = placement.project_evidence(project=published)
        assert calls == []  # kept: nothing changed
        assert again.step.slug == first.step.slug
        MembershipFactory(project=published, user=UserFactory(), kind=Membership.Kind.EXPERIENCE)
        placement.project_evidence(project=published)
        assert calls == [1]  # the record changed: worked out afresh
    finally:
        placement._compute_evidence = real
