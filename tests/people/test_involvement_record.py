"""My involvement record: the person's own activities, hours and recognition, as a page and a
PDF (issue 4); never anyone else's (AZ-1)."""

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from copro.meetings.models import Attendance, Meeting
from copro.reciprocity.models import Recognition
from tests.projects.factories import ContributionFactory, MembershipFactory, PositionFactory


def meeting_attended(member, title, *, minutes=None, day=10, status="attended"):
    meeting = Meeting.objects.create(
        project=member.project,
        title=title,
        starts_at=datetime(2026, 3, day, 10, tzinfo=UTC),
        duration_minutes=90,
        purpose="co-produce",
        format="online",
        online_link="https://meet.example.org/room",
    )
    Attendance.objects.create(
        meeting=meeting, user=member.user, status=status, minutes=minutes, kind=member.kind
    )
    return meeting


@pytest.fixture
def record_of_asha(db, citizen_a, citizen_b):
    member = MembershipFactory(user=citizen_a, project__title="Short breaks for carers")
    meeting_attended(member, "Planning the new service", minutes=120, day=10)
    meeting_attended(member, "Choosing providers", day=17)  # no minutes: the meeting's 90
    meeting_attended(member, "A meeting she missed", day=24, status="apologies")
    PositionFactory(decision__project=member.project, user=citizen_a)
    ContributionFactory.for_member(member, status="adopted")
    ContributionFactory.for_member(member, status="not_adopted")
    Recognition.objects.create(
        person=citizen_a,
        kind="certificate",
        title="Co-production champion",
        given_on=date(2026, 4, 1),
    )
    # Ben's record must never appear on Asha's.
    other = MembershipFactory(user=citizen_b, project__title="Ben's secret project")
    meeting_attended(other, "Ben's meeting", minutes=60)
    return member


def test_the_record_shows_what_the_person_did_and_adds_up_the_hours(client, record_of_asha):
    client.force_login(record_of_asha.user)
    response = client.get("/account/involvement/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-figure="projects">1<' in body
    assert 'data-figure="meetings">2<' in body
    assert 'data-figure="hours">3.5<' in body  # 120 + 90 minutes
    assert 'data-figure="decisions">1<' in body
    assert "2, of which 1 were taken up" in body
    assert "Planning the new service" in body and "Co-production champion" in body
    assert "A meeting she missed" not in body
    assert "Ben" not in body


def test_the_pdf_holds_the_same_record(client, record_of_asha):
    client.force_login(record_of_asha.user)
    response = client.get("/account/involvement/record.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Involvement record: Asha" in text
    assert "Planning the new service" in text and "Co-production champion" in text
    assert "Ben" not in text


@pytest.mark.django_db
def test_az1_signing_in_is_needed_and_there_is_no_way_to_ask_for_someone_else(client, citizen_a):
    for path in ["/account/involvement/", "/account/involvement/record.pdf"]:
        assert client.get(path)["Location"].startswith("/account/sign-in/")
    client.force_login(citizen_a)
    assert client.get(f"/account/involvement/?user={citizen_a.pk + 1}").status_code == 200
    assert client.post("/account/involvement/").status_code == 405


@pytest.mark.django_db
def test_an_empty_record_says_so(client, citizen_a):
    client.force_login(citizen_a)
    body = client.get("/account/involvement/").content.decode()
    assert "You have not joined a project yet." in body and "No meetings recorded yet." in body


def test_the_record_page_makes_a_fixed_number_of_queries(
    client, record_of_asha, django_assert_max_num_queries
):
    member = record_of_asha
    for day in [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]:
        meeting_attended(member, f"Extra meeting {day}", minutes=30, day=day)
    client.force_login(member.user)
    with django_assert_max_num_queries(14):
        assert client.get("/account/involvement/").status_code == 200
