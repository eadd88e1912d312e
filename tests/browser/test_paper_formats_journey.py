"""Issue 19: papers in the format each member asked for. The organiser uploads a paper; a
large-print copy is made for the member who needs it, and the missing Easy Read version is
flagged on the access checklist; the member who needs large print finds it first and downloads
it. With axe and the reflow check on every page."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from copro.meetings import services
from copro.people.models import FormatNeed
from tests.browser.conftest import assert_accessible
from tests.browser.test_meetings_journey import a_project_with_a_citizen
from tests.browser.test_project_journey import sign_in, sign_out
from tests.people.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAPER = b"# Warm spaces\n\nWe will choose three places.\n\nTell us which places you like."


def test_large_print_is_made_and_a_missing_easy_read_is_flagged(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    lead, carl, project = a_project_with_a_citizen()  # Carl needs large print
    esi = UserFactory(display_name="Esi")
    FormatNeed.objects.create(user=esi, format="easy_read")
    from copro.projects import services as project_services

    project_services.member_add(
        project=project,
        user=esi,
        kind="experience",
        role="member",
        joined_on=timezone.localdate(),
        by=lead,
    )
    meeting = services.meeting_plan(
        project=project,
        by=lead,
        title="Choosing places",
        starts_at=timezone.now() + datetime.timedelta(days=14),
        duration_minutes=60,
        format="online",
        purpose="co-design",
        online_link="https://meet.example.org/x",
    )
    services.invitees_add(meeting=meeting, users=[carl, esi], by=lead)

    sign_in(page, lead.email)
    page.goto(meeting.url("papers"))
    page.get_by_label("Title of the paper").fill("Our plan")
    page.get_by_label("Upload a file").set_input_files(
        {"name": "plan.md", "mimeType": "text/markdown", "buffer": PAPER}
    )
    page.get_by_role("button", name="Upload the paper").click()
    page.get_by_text("has been added").wait_for()
    assert page.get_by_text("made automatically").is_visible()
    assert_accessible(page)

    page.goto(meeting.url("access"))
    page.get_by_role("heading", name="Papers in the formats people asked for").wait_for()
    warning = page.locator("[data-formats-missing]")
    assert "1 version missing" in warning.inner_text()
    row = page.get_by_role("row").filter(has_text="Our plan").filter(has_text="Easy Read")
    assert "Missing" in row.inner_text() and "Esi" in row.inner_text()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, carl.email)
    page.goto(meeting.get_absolute_url())
    formats = page.locator("[data-paper-formats] > li")
    assert "Large print" in formats.first.inner_text()
    assert "Your format" in formats.first.inner_text()
    assert_accessible(page)
    with page.expect_download() as download:
        formats.first.get_by_role("link").click()
    path = Path(download.value.path())
    assert path.read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename == "plan-large-print.pdf"
    page.watch.assert_clean()
