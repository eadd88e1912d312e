"""Issue 19, point 5: Easy Read versions of the public guidance, each linked to and from its
standard page without JavaScript, a picture beside each point, pictures credited, and every
page passing the Easy Read standard of the plain-English checker."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from copro.framework.easy_read import PAGES, PICTURES
from copro.plainenglish import analyse

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "copro" / "framework" / "static" / "framework" / "easy-read"
EASY_READ_KINDS = {"long_sentence", "two_ideas", "number_word", "abbreviation"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.slug)
def test_fmt5_each_easy_read_page_passes_the_easy_read_standard(page):
    report = analyse(page.text(), standard="easy_read")
    assert [f.text for f in report.findings if f.kind in EASY_READ_KINDS] == []
    assert report.verdict.level != "hard", report.verdict.reason
    assert report.verdict.reason.startswith("This meets the Easy Read checks.")


def test_fmt5_the_guidance_the_issue_names_has_an_easy_read_version():
    assert {p.slug for p in PAGES} == {
        "what-is-co-production",
        "principles",
        "staircase",
        "get-involved",
        "being-paid",
        "your-data",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.slug)
def test_fmt5_each_point_has_a_picture_and_the_page_links_back(client, page):
    response = client.get(f"/learn/easy-read/{page.slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    points = re.findall(r'<li class="app-easy-read__point">\s*<img[^>]+src="([^"]+)"', body)
    assert len(points) == len(page.points)
    for src in points:
        assert (STATIC / src.rsplit("/", 1)[-1]).is_file()
    back = reverse(page.standard[0], args=page.standard[1:])
    assert f'href="{back}"' in body
    assert "OpenMoji" in body and "CC BY-SA 4.0" in body
    assert "Words we used" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, slug",
    [
        ("/learn/what-is-co-production/", "what-is-co-production"),
        ("/learn/principles/", "principles"),
        ("/learn/staircase/", "staircase"),
        ("/learn/", "get-involved"),
    ],
)
def test_fmt5_the_standard_page_links_to_its_easy_read_version(client, path, slug):
    body = client.get(path).content.decode()
    assert f'href="/learn/easy-read/{slug}/"' in body


@pytest.mark.django_db
def test_fmt5_signed_in_pages_link_to_their_easy_read_version(client, citizen_a):
    client.force_login(citizen_a)
    assert (
        'href="/learn/easy-read/your-data/"' in client.get("/account/your-data/").content.decode()
    )
    assert 'href="/learn/easy-read/being-paid/"' in client.get("/thanks/").content.decode()


@pytest.mark.django_db
def test_fmt5_an_unknown_easy_read_page_is_404(client):
    assert client.get("/learn/easy-read/no-such-page/").status_code == 404


def test_fmt5_the_pictures_are_openmoji_copied_and_credited():
    for name in {point.picture for page in PAGES for point in page.points}:
        copied = (STATIC / f"{name}.svg").read_bytes()
        original = ROOT / "node_modules" / "openmoji" / "color" / "svg" / f"{PICTURES[name]}.svg"
        if original.exists():  # node_modules is only needed to build, not to run
            assert copied == original.read_bytes(), name
    assert "OpenMoji" in (ROOT / "README.md").read_text()
    assert "CC BY-SA 4.0" in (STATIC / "CREDITS.txt").read_text()
