"""Issue 19, point 4: the accessibility statement follows the GOV.UK model and says only what
the tests show."""

import inspect

import pytest

from copro.core import accessibility as statement
from tests.browser import conftest as browser

pytestmark = pytest.mark.django_db


def test_fmt4_the_statement_gives_the_councils_contact_details_from_settings(client, settings):
    settings.COUNCIL_PHONE = "01632 960001"
    settings.COUNCIL_EMAIL = "access@shire.example"
    settings.COUNCIL_ADDRESS = "Shire Hall, Fenny Road"
    settings.COUNCIL_OPENING_HOURS = "Monday to Thursday, 10am to 4pm"
    page = client.get("/accessibility/").content.decode()
    assert 'href="mailto:access@shire.example"' in page
    assert "call 01632 960001 (Monday to Thursday, 10am to 4pm)" in page
    assert "write to Shire Hall, Fenny Road" in page


def test_fmt4_the_statement_has_every_part_of_the_govuk_model(client):
    page = client.get("/accessibility/").content.decode()
    for part in (
        "How accessible this website is",
        "need another format",
        "Easy Read",
        "Reporting accessibility problems",
        "Enforcement procedure",
        "Equality and Human Rights Commission (EHRC)",
        "Equality Advisory and Support Service (EASS)",
        "WCAG) version 2.2, levels A and AA",
        "partially compliant",
        "Problems we know about",
        "How we tested this website",
        "This statement was prepared on 7 December 2026",
    ):
        assert part in page, part
    for problem in statement.KNOWN_PROBLEMS:
        assert f"We plan to fix this by {problem.fix_by.day} " in page


def test_fmt4_what_the_statement_says_was_tested_is_what_the_browser_tests_check():
    assert statement.REFLOW_WIDTH_PX == browser.REFLOW_WIDTH == 320
    assert browser.TEXT_ZOOM_WIDTH  # text at 200% is checked too
    assert '"200%"' in inspect.getsource(browser.reflow_problems)
    assert {"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"} <= set(browser.AXE_TAGS)
    # The one helper every journey calls runs both axe and the reflow check.
    source = inspect.getsource(browser.assert_accessible)
    assert "axe_violations(page)" in source and "reflow_problems(page)" in source


def test_fmt4_the_statement_says_the_pages_are_not_translated_while_they_are_not(settings):
    offered = settings.LANGUAGES if settings.USE_I18N else []
    real = [code for code, _name in offered if code not in ("en", "en-gb", "qps")]
    said = any("only in English" in p.what for p in statement.KNOWN_PROBLEMS)
    assert said == (not real)
