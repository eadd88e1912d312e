"""PRIV-12: signed-in pages are never cached. PRIV-13: no page pulls scripts, styles, fonts or
pictures from anywhere but this site, and the CSP allows only 'self' for them."""

from html.parser import HTMLParser

import pytest

from tests.core.urlwalk import parameterless_paths
from tests.people.mfa_helpers import verify_second_factor

PATHS = [p for p in parameterless_paths() if not p.startswith("/api/")]
# Attributes that make the browser fetch something when the page loads.
LOADING = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("image", "href"),
}


class ExternalResources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in LOADING and value and ("://" in value or value.startswith("//")):
                self.found.append(f"<{tag} {name}={value}>")
        style = dict(attrs).get("style") or ""
        if "url(" in style and ("://" in style or "url(//" in style):
            self.found.append(f"<{tag} style={style}>")


def external_resources(html: str) -> list[str]:
    parser = ExternalResources()
    parser.feed(html)
    return parser.found


def test_the_checker_finds_external_resources():
    html = (
        '<script src="https://cdn.example.org/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example.org/f.css">'
        '<a href="https://ons.gov.uk/">a link people click is fine</a>'
    )
    assert external_resources(html) == [
        "<script src=https://cdn.example.org/x.js>",
        "<link href=//fonts.example.org/f.css>",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "citizen", "administrator"])
def test_priv13_no_page_loads_anything_from_another_site(client, persona, citizen_a, administrator):
    if persona == "citizen":
        client.force_login(citizen_a)
    elif persona == "administrator":
        client.force_login(administrator)
        verify_second_factor(client, administrator)
    offenders = {}
    for path in PATHS:
        response = client.get(path)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        found = external_resources(response.content.decode())
        if found:
            offenders[path] = found
        csp = response["Content-Security-Policy"]
        directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
        for name in ("default-src", "style-src", "font-src", "img-src", "connect-src"):
            sources = directives.get(name, directives["default-src"])
            assert all(s in {"'self'", "data:", "'none'"} for s in sources), (path, name)
        script_sources = directives.get("script-src", directives["default-src"])
        # Our own files, a nonce, or the hash of our one inline snippet: never another site.
        ours = ("'nonce-", "'sha256-")
        assert all(s == "'self'" or s.startswith(ours) for s in script_sources), path
    assert offenders == {}


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_priv12_signed_in_pages_are_never_cached(client, citizen_a, path):
    client.force_login(citizen_a)
    response = client.get(path)
    cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert "no-store" in cache_control, path
