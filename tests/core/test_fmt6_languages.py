"""Issue 19, point 6: other languages, the foundation. The core pages (base, header, footer,
home, error pages) rendered in the pseudo-language show no string that was not marked for
translation; the chooser keeps the choice in the session and the profile; e-mails built
centrally go in the person's language; a partial translation falls back to English."""

from html.parser import HTMLParser

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from copro.core.pseudo import ACCENTED, CODE, pseudo
from copro.notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pseudo_offered(settings):
    settings.LANGUAGES = [("en-gb", "English"), (CODE, "Pseudo-language (for testing)")]


class Text(HTMLParser):
    """Text people read: text nodes and aria-labels, outside scripts and styles."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "alt") and value:
                self.found.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.found.append(data.strip())


def unmarked(html: str, allowed: set[str]) -> list[str]:
    parser = Text()
    parser.feed(html)
    return [
        text
        for text in parser.found
        if any("a" <= c.lower() <= "z" for c in text)
        and not ACCENTED & set(text)
        and text not in allowed
    ]


def allowed_words(settings, *people) -> set[str]:
    """Data, not words of ours: names of the council, the service and people, the languages."""
    return {
        settings.COUNCIL_NAME,
        settings.SERVICE_NAME,
        "English",
        "Pseudo-language (for testing)",
        *(p.display_name for p in people),
    }


def in_pseudo(client):
    response = client.post("/account/language/", {"language": CODE, "next": "/"})
    assert response.status_code == 302
    return client


def test_fmt6_pseudo_text_is_accented_longer_and_keeps_placeholders():
    assert pseudo("Sign in") == "[Šîĝñ îñ ~~]"
    assert "%(name)s" in pseudo("Hello %(name)s") and "{count}" in pseudo("{count} left")
    assert '<a href="/x">' in pseudo('Go <a href="/x">home</a>')


@pytest.mark.parametrize("path, status", [("/", 200), ("/no-such-page/", 404)])
def test_fmt6_core_pages_in_the_pseudo_language_have_no_unmarked_string(
    client, settings, path, status
):
    response = in_pseudo(client).get(path)
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="qps-ploc"' in html
    assert unmarked(html, allowed_words(settings)) == []


def test_fmt6_the_signed_in_header_and_home_have_no_unmarked_string(client, settings, citizen_a):
    client.force_login(citizen_a)
    html = in_pseudo(client).get("/").content.decode()
    assert unmarked(html, allowed_words(settings, citizen_a)) == []


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_fmt6_error_pages_in_the_pseudo_language_have_no_unmarked_string(settings, template):
    request = RequestFactory().get("/")
    request.request_id = "abc123"
    with translation.override(CODE):
        html = render_to_string(template, request=request)
    assert unmarked(html, allowed_words(settings) | {"abc123"}) == []


def test_fmt6_the_check_finds_an_unmarked_string(client, settings):
    """The test above can fail: English text in a pseudo page is caught."""
    html = in_pseudo(client).get("/").content.decode()
    assert unmarked(html.replace("</main>", "<p>Not marked</p></main>"), set()) != []


def test_fmt6_the_choice_is_kept_in_the_session_and_the_profile(client, citizen_a):
    client.force_login(citizen_a)
    in_pseudo(client)
    citizen_a.refresh_from_db()
    assert citizen_a.language == CODE
    assert client.session["language"] == CODE
    # Another device: a new session, and the profile's language still applies.
    client.logout()
    client.force_login(citizen_a)
    assert '<html lang="qps-ploc"' in client.get("/").content.decode()


def test_fmt6_a_language_not_offered_is_refused_and_next_must_be_ours(client, citizen_a):
    client.force_login(citizen_a)
    response = client.post(
        "/account/language/", {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    citizen_a.refresh_from_db()
    assert citizen_a.language == ""


def test_fmt6_the_chooser_is_shown_only_when_there_is_a_choice(client, settings):
    assert 'aria-label="Language"' in client.get("/").content.decode()
    settings.LANGUAGES = [("en-gb", "English")]
    assert "govuk-language-navigation" not in client.get("/").content.decode()


def test_fmt6_notifications_are_e_mailed_in_each_persons_language(citizen_a, citizen_b):
    from django.utils.translation import gettext_lazy

    from copro.notifications import kinds

    kinds.register("fmt6_test", "A test", urgent=False)
    citizen_a.language = CODE
    citizen_a.save()
    notify(
        recipients=[citizen_a, citizen_b],
        kind="fmt6_test",
        event_key="fmt6",
        title=gettext_lazy("Your meetings"),
        body=gettext_lazy("Your account"),
        url="/",
    )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[citizen_a.email] == pseudo("Your meetings")
    assert subjects[citizen_b.email] == "Your meetings"


def test_fmt6_a_missing_translation_falls_back_to_english_per_string(settings):
    # Welsh is offered but this project ships no Welsh catalogue for our strings: each one
    # falls back to English (Django's own strings come from its Welsh catalogue).
    settings.LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
    with translation.override("cy"):
        html = render_to_string("404.html", request=RequestFactory().get("/"))
    assert "If you typed the web address, check it is correct." in html
