"""CFG-9: no view is exempt from CSRF checks, except the API, whose cookie-authenticated
operations must use an authentication class that checks CSRF itself."""

import pytest
from django.test import Client
from ninja.security import APIKeyCookie, SessionAuth

from copro.api import api
from tests.core.urlwalk import iter_patterns

# Each allowed exemption, with the reason it is safe.
ALLOWED = {
    # django-ninja marks its views exempt and checks CSRF inside its cookie auth classes.
    "ninja": "django-ninja checks CSRF in django_auth/APIKeyCookie (tested below)",
    # Views that limit upload sizes must set upload handlers before the body is read, so the
    # CSRF check runs inside them (copro.core.uploads.limit_uploads; tested below).
    "limit_uploads": "CSRF checked inside, after the upload handlers are set",
}
# Anonymous API writes that change nothing, with the reason.
SIDE_EFFECT_FREE = {
    ("copro.writing.api", "check"): "analyses the text it is sent and stores nothing",
}
# A path for each view that checks CSRF inside, to prove that it really does.
CHECKED_INSIDE = {
    "check-your-writing/": "/check-your-writing/",
    "meetings/projects/<int:pk>/<int:meeting_pk>/papers/": "/meetings/projects/1/1/papers/",
    "meetings/groups/<int:pk>/<int:meeting_pk>/papers/": "/meetings/groups/1/1/papers/",
    "thanks/expenses/new/": "/thanks/expenses/new/",
    "meetings/projects/<int:pk>/<int:meeting_pk>/papers/<int:paper_pk>/versions/add/": (
        "/meetings/projects/1/1/papers/1/versions/add/"
    ),
    "meetings/groups/<int:pk>/<int:meeting_pk>/papers/<int:paper_pk>/versions/add/": (
        "/meetings/groups/1/1/papers/1/versions/add/"
    ),
    # Conversations take an attached paper with each post (issue 18).
    "conversations/project/<int:pk>/": "/conversations/project/1/",
    "conversations/<int:pk>/": "/conversations/1/",
}


def test_cfg9_only_allowlisted_views_are_csrf_exempt():
    offenders = []
    for route, pattern in iter_patterns():
        callback = pattern.callback
        if getattr(callback, "csrf_exempt", False):
            module = getattr(callback, "__module__", "")
            if getattr(callback, "csrf_checked_inside", False):
                assert route in CHECKED_INSIDE, f"add {route} to CHECKED_INSIDE"
            elif not module.startswith("ninja"):
                offenders.append((route, module))
    assert offenders == []
    assert ALLOWED


def test_cfg9_every_cookie_authenticated_api_operation_checks_csrf():
    # django-ninja (1.7) hands a router's auth down to copies of its operations bound to the
    # API; the router's own operations keep "not set". Inspect the bound copies, which serve.
    unsafe = []
    for bound in api._get_bound_routers():
        for path, path_view in bound.path_operations.items():
            for operation in path_view.operations:
                auths = operation.auth_callbacks or []
                for auth in auths:
                    if isinstance(auth, APIKeyCookie | SessionAuth) and not auth.csrf:
                        unsafe.append((path, operation.methods))
                writes = set(operation.methods) - {"GET", "HEAD", "OPTIONS"}
                view = (operation.view_func.__module__, operation.view_func.__name__)
                if writes and not auths and view not in SIDE_EFFECT_FREE:
                    unsafe.append((path, operation.methods, "unauthenticated write"))
    assert unsafe == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", CHECKED_INSIDE.values())
def test_cfg9_views_that_check_csrf_inside_refuse_a_post_without_a_token(path):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"text": "Hello."})
    assert response.status_code == 403
