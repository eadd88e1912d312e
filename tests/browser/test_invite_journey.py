"""A member of staff sets up two-step sign-in and invites a citizen; the citizen joins without a
password and signs in by an emailed link (AUTH-3, AUTH-4, AUTH-5), with and without JavaScript.

The live server runs in this process, so the e-mails it sends are in `mail.outbox`.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import assert_accessible
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def path_of_link_in(message, kind: str) -> str:
    """The path of the link in an e-mail; its host is SITE_URL, not the test server's."""
    url = re.search(rf"http\S+/account/{kind}/\S+/", message.body).group(0)
    return urlsplit(url).path


def staff_signs_in_and_sets_up_two_step(page, staff):
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/two-step/set-up/**")
    page.get_by_role("heading", name="Set up two-step sign-in").wait_for()
    assert page.locator("svg[role=img]").count() == 1
    assert_accessible(page)
    # Without a code first: the error is explained.
    page.get_by_role("button", name="Continue").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    # The app would show this code: computed here from the secret the page showed.
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    secret = page.locator("#secret-key").inner_text().replace(" ", "")
    assert secret and device.bin_key  # the page shows the key the server keeps
    code = f"{totp(device.bin_key):06d}"
    page.get_by_label("Code from your app").fill(code)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="Save your recovery codes").wait_for()
    assert page.locator("#recovery-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("button", name="I have saved my codes").click()
    page.wait_for_url("**/")


def test_staff_invite_a_citizen_who_then_signs_in_by_email_link(page):
    staff = UserFactory(email="sam.staff@example.org", display_name="Sam", role="staff")
    staff_signs_in_and_sets_up_two_step(page, staff)

    page.goto("/account/invite/")
    assert_accessible(page)
    page.get_by_label("Email address").fill("nell@example.org")
    page.get_by_label("Their name").fill("Nell")
    # Staff may invite citizens only, so that is the one choice and it is already chosen.
    assert page.get_by_label("Take part as a citizen").is_checked()
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_role("heading", name="Invitation sent").wait_for()
    assert_accessible(page)
    invitation_path = path_of_link_in(mail.outbox[-1], "invitation")
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="You have signed out").wait_for()

    # The citizen accepts, choosing to sign in by link. Without choosing, the error is explained.
    page.goto(invitation_path)
    page.get_by_role("heading", name="Set up your account").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Create my account").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "Choose how you want to sign in" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("With a link sent to my email each time").check()
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/account/")
    page.get_by_role("heading", name="Your account", exact=True).wait_for()
    assert "Signed in as Nell" in page.locator("header").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="You have signed out").wait_for()

    # Later: a link by email instead of a password.
    page.goto("/account/sign-in/")
    page.get_by_role("link", name="Email me a link to sign in instead").click()
    page.get_by_role("heading", name="Get a link to sign in").wait_for()
    assert_accessible(page)
    page.get_by_label("Email address").fill("nell@example.org")
    page.get_by_role("button", name="Email me a link").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    assert_accessible(page)
    link_path = path_of_link_in(mail.outbox[-1], "sign-in/link")
    page.goto(link_path)
    page.get_by_role("heading", name="Sign in").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/")
    assert "Signed in as Nell" in page.locator("header").inner_text()
    assert_accessible(page)

    # The link is spent: opening it again offers a new one.
    page.goto(link_path)
    page.get_by_role("heading", name="This link has expired").wait_for()
    assert_accessible(page)
    page.watch.assert_clean()


def test_a_citizen_signs_in_by_email_link_without_javascript(page_without_js):
    page = page_without_js
    UserFactory(email="noor@example.org", display_name="Noor")
    page.goto("/account/sign-in/email-link/")
    page.get_by_label("Email address").fill("noor@example.org")
    page.get_by_role("button", name="Email me a link").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    page.goto(path_of_link_in(mail.outbox[-1], "sign-in/link"))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/")
    assert "Signed in as Noor" in page.locator("header").inner_text()


def test_without_javascript_the_password_boxes_are_on_the_invitation_page(page_without_js):
    from copro.people import signin

    staff = UserFactory(role="staff")
    _, token = signin.invitation_create(
        email="rai@example.org", display_name="Rai", role="citizen", by=staff
    )
    page = page_without_js
    page.goto(f"/account/invitation/{token}/")
    assert page.get_by_label("Create a password").is_visible()
    page.get_by_label("With a password").check()
    page.get_by_label("Create a password").fill("a long new passphrase 42")
    page.get_by_label("Type the password again").fill("a long new passphrase 42")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/account/")
    assert "Signed in as Rai" in page.locator("header").inner_text()
