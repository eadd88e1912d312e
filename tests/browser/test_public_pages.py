"""Every public page passes axe (WCAG 2.2 AA), has no CSP violations, and works without JS."""

import pytest

from tests.browser.conftest import assert_accessible

PUBLIC_PAGES = [
    "/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
    "/account/sign-in/",
    "/account/reset-password/",
    "/learn/",
    "/learn/what-is-co-production/",
    "/learn/principles/",
    "/learn/staircase/",
    "/learn/is-and-is-not/",
    "/learn/right-environment/",
    "/learn/seven-steps/",
    "/learn/glossary/",
    "/learn/about/",
    "/learn/easy-read/",
    "/learn/easy-read/what-is-co-production/",
    "/learn/easy-read/being-paid/",
    "/no-such-page/",
]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_passes_axe_with_no_csp_violations(page, path):
    expected = 404 if path == "/no-such-page/" else 200
    response = page.goto(path)
    assert response.status == expected
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    page.watch.assert_clean(expected)


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/learn/")
    page.keyboard.press("Tab")
    skip = page.locator(".govuk-skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize(
    "path", [p for p in PUBLIC_PAGES if p.startswith("/learn/")] + ["/account/sign-in/"]
)
def test_pages_work_without_javascript(page_without_js, path):
    response = page_without_js.goto(path)
    assert response.status == 200
    assert page_without_js.locator("h1").is_visible()
    # Every navigation link is reachable with JavaScript off.
    assert page_without_js.get_by_role("link", name="Learn about co-production").first.is_visible()


def test_fmt5_a_citizen_switches_to_easy_read_and_back_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/learn/principles/")
    page.get_by_role("link", name="Easy Read version of this page").click()
    page.get_by_role("heading", name="Our 4 rules for working together").wait_for()
    assert page.locator(".app-easy-read__point img").count() >= 4
    # axe needs JavaScript, which this page has off: the same page is checked with axe among
    # the public pages above; here every picture still says what it shows.
    assert page.locator(".app-easy-read__point img:not([alt])").count() == 0
    page.get_by_role("link", name="Go back to the standard version of this page").click()
    page.wait_for_url("**/learn/principles/")
    assert page.get_by_role("heading", level=1).inner_text() == "The four principles"
