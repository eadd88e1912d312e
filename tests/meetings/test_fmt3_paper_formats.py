"""Issue 19, point 3: papers in every format asked for. A paper carries versions; the access
checklist lists each member's format needs and flags missing versions before the papers are
due; large print is made automatically from papers whose text we can read; each member sees
their own format first; the evidence's access signal counts the versions."""

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from copro.meetings import services, services_formats
from copro.meetings.evidence_signals import access_signal
from copro.meetings.files import check_upload
from copro.meetings.models import Meeting, PaperVersion
from copro.meetings.selectors_formats import format_checklist, papers_for_viewer
from copro.people.models import FormatNeed
from copro.projects.evidence.signals import record_read
from copro.projects.evidence.thresholds import thresholds
from tests.meetings.world import a_paper

TEXT = "# Our plan\n\nWe will meet on Tuesday.\n\nBring your ideas about the day centre."


def pdf_text_sizes(data: bytes) -> tuple[str, set[float]]:
    sizes: set[float] = set()

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.add(round(font_size * tm[0], 1))

    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text(visitor_text=visit) for page in reader.pages)
    return text, sizes


def stored(version) -> bytes:
    from django.core.files.storage import storages

    with storages["default"].open(version.stored_name, "rb") as handle:
        return handle.read()


@pytest.mark.django_db
def test_fmt3_large_print_is_made_from_a_text_paper_when_someone_needs_it(mworld):
    FormatNeed.objects.create(user=mworld.citizen_a, format="large_print")
    paper = a_paper(mworld.meeting_a, mworld.lead_a, text=TEXT, name="plan.md", title="Plan")
    version = paper.versions.get(format="large_print")
    assert version.made_automatically and version.kind == "pdf"
    text, sizes = pdf_text_sizes(stored(version))
    assert "Bring your ideas about the day centre." in " ".join(text.split())
    assert sizes and min(sizes) >= 16  # RNIB: never below 16 point


@pytest.mark.django_db
def test_fmt3_no_large_print_is_made_when_nobody_needs_it_or_from_a_pdf(mworld):
    paper = a_paper(mworld.meeting_a, mworld.lead_a, text=TEXT, name="plan.md", title="Plan")
    assert not paper.versions.exists()
    FormatNeed.objects.create(user=mworld.citizen_a, format="large_print")
    pdf = services_formats.large_print_pdf(title="T", meeting_title="M", when="now", text="Hi")
    checked = check_upload(pdf, "scan.pdf")
    scan = services.paper_add(meeting=mworld.meeting_a, title="Scan", checked=checked, by=None)
    assert not scan.versions.exists()  # a PDF's text is not read: the organiser uploads one
    made = services_formats.large_print_make_missing(meeting=mworld.meeting_a, by=mworld.lead_a)
    assert {v.paper for v in made} == {paper, mworld.paper_a}  # both are text papers
    assert services_formats.large_print_make_missing(meeting=mworld.meeting_a, by=None) == []


@pytest.mark.django_db
def test_fmt3_a_version_is_a_file_or_a_link_once_per_format(mworld):
    paper = mworld.paper_a
    link = services_formats.paper_version_add(
        paper=paper, format="bsl_video", link="https://video.example.org/1", by=mworld.lead_a
    )
    assert link.label == "British Sign Language video"
    with pytest.raises(ValidationError, match="already has a version"):
        services_formats.paper_version_add(
            paper=paper, format="bsl_video", link="https://video.example.org/2", by=None
        )
    with pytest.raises(ValidationError, match="not both"):
        services_formats.paper_version_add(paper=paper, format="audio", by=None)
    with pytest.raises(ValidationError, match="language"):
        services_formats.paper_version_add(
            paper=paper, format="language", link="https://x.example.org/", by=None
        )
    polish = services_formats.paper_version_add(
        paper=paper,
        format="language",
        language="Polish",
        checked=check_upload(b"Spotkamy sie we wtorek.", "pl.txt"),
        by=None,
    )
    assert polish.label == "Polish" and PaperVersion.objects.filter(paper=paper).count() == 2


@pytest.mark.django_db
def test_fmt3_the_checklist_lists_needs_and_flags_a_missing_easy_read_before_the_deadline(
    client, mworld
):
    FormatNeed.objects.create(user=mworld.citizen_a, format="easy_read")
    FormatNeed.objects.create(user=mworld.citizen_a, format="standard")  # not a version
    Meeting.objects.filter(pk=mworld.meeting_a.pk).update(
        starts_at=timezone.now() + datetime.timedelta(days=14)
    )
    mworld.meeting_a.refresh_from_db()
    checklist = format_checklist(meeting=mworld.meeting_a)
    assert checklist.needs == [("Easy Read", ["Asha"])]
    assert [(line.paper.title, line.label, line.missing) for line in checklist.lines] == [
        ("Paper A", "Easy Read", True)
    ]
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/access/"
    page = client.get(url).content.decode()
    assert "Easy Read: Asha" in page
    assert "1 version missing. Add it before the papers are due on" in page
    services_formats.paper_version_add(
        paper=mworld.paper_a,
        format="easy_read",
        checked=check_upload(b"We meet on Tuesday.", "easy.txt"),
        by=mworld.lead_a,
    )
    page = client.get(url).content.decode()
    assert "version missing" not in page and ">Ready<" in page
    # A week later the papers are due: the warning says so.
    Meeting.objects.filter(pk=mworld.meeting_a.pk).update(
        starts_at=timezone.now() + datetime.timedelta(days=3)
    )
    PaperVersion.objects.all().delete()
    page = client.get(url).content.decode()
    assert "1 version missing. The papers were due on" in page


@pytest.mark.django_db
def test_fmt3_someone_who_said_no_is_not_counted(mworld):
    FormatNeed.objects.create(user=mworld.citizen_a, format="easy_read")
    services.invitation_reply(invitee=mworld.invitee_a, reply="no", by=mworld.citizen_a)
    assert format_checklist(meeting=mworld.meeting_a).lines == []


@pytest.mark.django_db
def test_fmt3_each_member_gets_their_own_format_first(client, mworld):
    FormatNeed.objects.create(user=mworld.citizen_a, format="large_print")
    paper = a_paper(mworld.meeting_a, mworld.lead_a, text=TEXT, name="plan.md", title="Plan")
    services_formats.paper_version_add(
        paper=paper, format="audio", link="https://audio.example.org/plan", by=mworld.lead_a
    )
    (mine,) = [p for p in papers_for_viewer(meeting=mworld.meeting_a, viewer=mworld.citizen_a)
               if p.pk == paper.pk]  # fmt: skip
    assert [(v.format if v else "standard", yours) for v, yours in mine.choices] == [
        ("large_print", True),
        ("standard", False),
        ("audio", False),
    ]
    client.force_login(mworld.citizen_a)
    page = client.get(mworld.meeting_a.get_absolute_url()).content.decode()
    assert page.index("Large print") < page.index("Standard print")
    assert "Your format" in page


@pytest.mark.django_db
def test_fmt3_the_papers_page_and_checklist_keep_their_query_counts(
    client, mworld, django_assert_num_queries
):
    """Queries on the access checklist are the same for 1 paper and 6 papers with versions."""
    FormatNeed.objects.create(user=mworld.citizen_a, format="easy_read")
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/access/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(5):
        paper = a_paper(mworld.meeting_a, mworld.lead_a, title=f"More {n}")
        services_formats.paper_version_add(
            paper=paper, format="easy_read", link=f"https://e.example.org/{n}", by=None
        )
    # session, user, meeting and host, checklist lines, invitees, needs (3), venue, format
    # needs, papers, versions: the same number whatever the number of papers.
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


@pytest.mark.django_db
def test_fmt3_the_access_signal_counts_versions_in_the_formats_asked_for(mworld):
    project, lead = mworld.project_a, mworld.lead_a
    FormatNeed.objects.create(user=mworld.citizen_a, format="easy_read")
    services.papers_send(meeting=mworld.meeting_a, by=lead)
    with time_machine.travel(mworld.meeting_a.ends_at + datetime.timedelta(hours=1)):
        signal = access_signal(record_read(project=project), thresholds())
    assert "0 of 1 papers were ready in the format someone asked for" in signal.reason
    assert signal.met is False
    services_formats.paper_version_add(
        paper=mworld.paper_a, format="easy_read", link="https://e.example.org/a", by=lead
    )
    with time_machine.travel(mworld.meeting_a.ends_at + datetime.timedelta(hours=1)):
        signal = access_signal(record_read(project=project), thresholds())
    assert "1 of 1 papers were ready in the format someone asked for" in signal.reason
    assert timezone.now() < mworld.meeting_a.starts_at
