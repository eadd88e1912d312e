"""PRIV-4 and LOG-4: equality answers never reach logs, error reports, emails or the cache.

A person goes through the whole flow with distinctive answers (and a made-up canary value the
form must refuse). Every log record at every level, every email and every cache entry is then
searched for them.
"""

import logging

import pytest
from django.core import mail
from django.core.cache import caches
from django.views.debug import SafeExceptionReporterFilter

from copro.people.models.equality import EqualityAnswers
from tests.people.test_equality_helpers import load_oxfordshire, sign_in, staff_member

pytestmark = pytest.mark.django_db

CANARY = "CANARY-EQ-7731"
ANSWERS = {
    "age_band": "75_plus",
    "sex": "male",
    "gender_identity": "different",
    "sexual_orientation": "bisexual",
    "ethnic_group": "mixed",
    "religion": "sikh",
    "disability": "yes",
    "unpaid_carer": "yes",
    "circumstances": ["gypsy_traveller", "in_prison", "dementia"],
}
# What would give the answers away: the stored values and the words the person saw.
NEEDLES = [
    CANARY,
    "75_plus",
    "75 or over",
    "bisexual",
    "Bisexual",
    "sikh",
    "Sikh",
    "gypsy",
    "Gypsy",
    "in_prison",
    "In prison",
    "dementia",
    "mixed",
    "Mixed",
]


def everything_logged(records: list[logging.LogRecord]) -> str:
    parts = []
    for record in records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        parts.extend(repr(v) for k, v in record.__dict__.items() if k not in {"msg", "args"})
    return "\n".join(parts)


def everything_cached() -> str:
    parts = []
    for alias in ("default",):
        cache = caches[alias]
        store = getattr(cache, "_cache", {})
        parts.extend(repr(cache.get(key.split(":", 2)[-1])) for key in list(store))
        parts.extend(repr(value) for value in store.values())
    return "\n".join(parts)


def test_priv4_no_answer_reaches_a_log_an_email_or_the_cache(client, citizen_a, caplog):
    load_oxfordshire()
    with caplog.at_level(logging.DEBUG):
        sign_in(client, citizen_a)
        client.get("/account/equality/")
        client.post("/account/equality/", {"consent": "on"})
        bad = client.post("/account/equality/questions/", {**ANSWERS, "religion": CANARY})
        assert bad.status_code == 200 and CANARY not in bad.content.decode()  # not echoed
        client.post("/account/equality/questions/", ANSWERS)
        assert EqualityAnswers.objects.get().religion == "sikh"
        client.get("/account/equality/your-answers/")
        client.get("/account/your-data/")
        client.get("/account/your-data/download/")
        staff = staff_member()
        sign_in(client, staff)
        assert client.get("/account/equality/inclusion/").status_code == 200
        assert client.get("/account/equality/inclusion/download/").status_code == 200
        sign_in(client, citizen_a)
        client.post("/account/equality/withdraw/")
    logged = everything_logged(caplog.records)
    assert "equality_consent_given" in logged  # the log was captured
    assert [needle for needle in NEEDLES if needle in logged] == []
    emails = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    assert [needle for needle in NEEDLES if needle in emails] == []
    cached = everything_cached()
    assert [needle for needle in NEEDLES if needle in cached] == []


@pytest.mark.parametrize(
    "path", ["/account/equality/", "/account/equality/questions/", "/account/equality/withdraw/"]
)
def test_priv4_post_views_hide_every_parameter_from_error_reports(client, citizen_a, path):
    sign_in(client, citizen_a)
    client.post("/account/equality/", {"consent": "on"})
    response = client.post(path, {**ANSWERS, "consent": "on"})
    request = response.wsgi_request
    assert request.sensitive_post_parameters == "__ALL__"
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert all(value == "********************" for value in cleaned.values())


def test_priv4_the_reference_upload_hides_its_parameters_too(client, administrator):
    sign_in(client, administrator)
    response = client.post("/account/equality/reference/", {"note": CANARY})
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"


def test_priv4_the_answer_pseudonym_is_never_logged(client, citizen_a, caplog):
    with caplog.at_level(logging.DEBUG):
        sign_in(client, citizen_a)
        client.post("/account/equality/", {"consent": "on"})
        client.post("/account/equality/questions/", ANSWERS)
    pseudonym = str(EqualityAnswers.objects.get().pseudonym)
    assert pseudonym not in everything_logged(caplog.records)
