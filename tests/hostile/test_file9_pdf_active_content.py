"""FILE-9: PDFs are parsed whole by a real parser (pypdf) under limits. JavaScript, launch
actions, embedded files and XFA are refused wherever they hide (object streams behind any
filter, after a stream that exhausts a budget); anything that cannot be read whole is refused
too (fail closed). The work is linear in the file's size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from copro.meetings import files
from copro.meetings.models import Paper
from copro.meetings.pdfs import ACTIVE, TOO_COMPLEX, UNREADABLE, pdf_problem
from copro.reciprocity import receipts
from copro.reciprocity.models import Expense
from tests.hostile import corpus
from tests.hostile.conftest import measure
from tests.pdfs import pdf, stream
from tests.reciprocity.conftest import sign_in

MEMORY_BOUND = 150 * 1024 * 1024
TIME_RATIO = 10

ACTIVE_PDFS = {
    **{
        f"script_packed_{'_'.join(f)}": (lambda f=f: corpus.pdf_script_packed(f))
        for f in corpus.FILTERS
    },
    **{
        f"script_names_{'_'.join(f)}": (lambda f=f: corpus.pdf_script_names_packed(f))
        for f in corpus.FILTERS
    },
    "over_budget_first_stream": corpus.pdf_over_budget_first_stream,
    "launch": corpus.pdf_launch,
    "embedded_file": corpus.pdf_embedded_file,
    "xfa": corpus.pdf_xfa,
    "page_action": corpus.pdf_page_action,
    "escaped_name": lambda: pdf(catalog=b"/OpenAction << /S /J#61vaScript /J#53 (x) >>"),
}
REFUSED_PDFS = {
    "over_budget_object_stream": (corpus.pdf_over_budget_object_stream, {TOO_COMPLEX, UNREADABLE}),
    "deep": (corpus.pdf_deep, {TOO_COMPLEX, UNREADABLE}),
    "truncated": (corpus.pdf_truncated, {UNREADABLE}),
    "html_polyglot": (corpus.pdf_html_polyglot, {UNREADABLE}),
    "zip_polyglot": (corpus.pdf_zip_polyglot, {UNREADABLE}),
}


@pytest.fixture(scope="module")
def clean_cost() -> float:
    """Seconds per byte for an ordinary PDF of a few hundred objects (the best of three)."""
    pages = {n: stream(b"BT (Budget line) Tj ET" * 20, ("FlateDecode",)) for n in range(5, 400)}
    data = pdf(extra=pages)
    best = min(measure(lambda: pdf_problem(data))[1] for _ in range(3))
    return best / len(data)


def within_bounds(data: bytes, clean_cost: float):
    """The time of an untraced run (tracing slows pypdf several times), then the memory of a
    traced one."""
    result, seconds, _ = measure(lambda: pdf_problem(data), trace=False)
    peak = measure(lambda: pdf_problem(data))[2]
    assert peak < MEMORY_BOUND, f"{peak / 1e6:.1f} MB"
    allowed = TIME_RATIO * clean_cost * len(data) + 0.05
    assert seconds < allowed, f"{seconds:.3f}s, allowed {allowed:.3f}s"
    return result


@pytest.mark.parametrize("name", sorted(ACTIVE_PDFS))
def test_file9_active_content_is_refused_wherever_it_hides(name, clean_cost):
    assert within_bounds(ACTIVE_PDFS[name](), clean_cost) == ACTIVE


@pytest.mark.parametrize("name", sorted(REFUSED_PDFS))
def test_file9_what_cannot_be_read_whole_is_refused(name, clean_cost):
    make, reasons = REFUSED_PDFS[name]
    assert within_bounds(make(), clean_cost) in reasons


@pytest.mark.parametrize(
    "data",
    [
        pdf(),
        pdf(catalog=b"/OpenAction [3 0 R /Fit]"),
        pdf(catalog=b"/PageLabels 5 0 R", packed={5: b"<< /Nums [0 << /S /D >>] >>"}),
        pdf(extra={5: b"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://x.test) >> >>"}),
    ],
    ids=["plain", "opens_at_a_page", "packed_page_labels", "web_link"],
)
def test_file9_plain_pdfs_are_accepted(data):
    assert pdf_problem(data) is None


def test_file9_many_tiny_streams_cost_time_in_proportion_to_size(clean_cost):
    """About 1 MB of 10,000 tiny compressed streams: the old byte scan took 5.6 s."""
    data = corpus.pdf_many_tiny_streams(10_000)
    assert within_bounds(data, clean_cost) is None


def test_file9_more_objects_than_the_limit_are_refused(settings):
    from copro.meetings import pdfs

    data = corpus.pdf_many_tiny_streams(50)
    assert pdf_problem(data) is None
    pdfs_limit = pdfs.MAX_OBJECTS
    try:
        pdfs.MAX_OBJECTS = 20
        assert pdf_problem(data) == TOO_COMPLEX
    finally:
        pdfs.MAX_OBJECTS = pdfs_limit


UPLOADED = {
    "script_behind_hex": (corpus.pdf_script_packed(("ASCIIHexDecode",)), "active"),
    "after_a_budget": (corpus.pdf_over_budget_first_stream(), "active"),
    "truncated": (corpus.pdf_truncated(), "unreadable"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(UPLOADED))
def test_file9_refused_as_a_receipt(client, citizen, name):
    data, code = UPLOADED[name]
    sign_in(client, citizen)
    form = {"kind": "travel", "description": "Bus", "amount": "4.80", "incurred_on": "2026-01-01"}
    form["receipt"] = SimpleUploadedFile("receipt.pdf", data)
    response = client.post("/thanks/expenses/new/", form)
    body = response.content.decode().replace("&#x27;", "'")
    message = receipts.ACTIVE_PDF if code == "active" else receipts.UNREADABLE_PDF
    assert response.status_code == 200
    assert message in body
    assert not Expense.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(UPLOADED))
def test_file9_refused_as_a_meeting_paper(client, mworld, name):
    data, code = UPLOADED[name]
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/papers/"
    upload = SimpleUploadedFile("paper.pdf", data)
    response = client.post(url, {"title": "Budget paper", "file": upload})
    body = response.content.decode().replace("&#x27;", "'")
    message = files.ACTIVE_PDF if code == "active" else files.UNREADABLE_PDF
    assert response.status_code == 200
    assert message in body
    assert not Paper.objects.filter(title="Budget paper").exists()
