"""FILE-1 to FILE-7 for meeting papers: what is refused, with which plain message, and how a
kept paper is stored and served. Uploads go through the real page, so the size limit, the
content check and the error beside the field are all tested together."""

import io
import os
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from copro.meetings import files
from copro.meetings.models import Paper
from tests.pdfs import padded_pdf, pdf

DOCX_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org'
    '/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body>'
    "</w:document>"
)
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"></Types>'
)
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def docx(text="We will meet on Tuesday.", extra=None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", DOCX_XML.format(text=text))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def a_pdf(body: bytes = b"") -> bytes:
    return pdf(catalog=body)


def upload(client, mworld, name, data, title="Budget paper"):
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/papers/"
    return client.post(url, {"title": title, "file": SimpleUploadedFile(name, data)})


def stored_files() -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(
        os.path.relpath(os.path.join(folder, f), root)
        for folder, _dirs, names in os.walk(root)
        for f in names
    )


def refused(response, message):
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert message in body.replace("&#x27;", "'")
    assert not Paper.objects.filter(title="Budget paper").exists()


@pytest.mark.django_db
def test_file1_one_byte_over_the_limit_is_refused_and_nothing_is_stored(client, mworld):
    before = stored_files()
    data = b"a" * (settings.MEETING_PAPER_MAX_BYTES + 1)
    response = upload(client, mworld, "long.txt", data)
    refused(response, files.too_big_message())
    assert stored_files() == before


@pytest.mark.django_db
def test_file1_a_paper_just_under_the_limit_is_kept(client, mworld):
    """Larger than Django keeps in memory by default (2.5 MB), so the file is not dropped."""
    data = padded_pdf(settings.MEETING_PAPER_MAX_BYTES)
    response = upload(client, mworld, "big.pdf", data)
    assert response.status_code == 302
    assert Paper.objects.get(title="Budget paper").size == len(data)


@pytest.mark.django_db
def test_file1_an_empty_file_is_refused(client, mworld):
    refused(upload(client, mworld, "empty.pdf", b""), "The file is empty")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("paper.pdf", b"<html><script>alert(1)</script></html>", files.NOT_PDF),
        ("paper.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 20 + b"<html>", files.NOT_PDF),
        ("paper.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", files.NOT_PDF),
        ("paper.pdf", docx(), files.NOT_PDF),
        ("paper.pdf", a_pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), None),
        ("paper.pdf", a_pdf(b"/OpenAction << /S /J#61vaScript >>"), None),
        ("paper.pdf", a_pdf(b"/Names << /EmbeddedFiles 2 0 R >>"), None),
        ("paper.txt", b"<!DOCTYPE html><html><body>Hi</body></html>", files.WEB_PAGE),
        ("paper.md", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', files.WEB_PAGE),
        ("paper.docx", b"%PDF-1.4 not a word file", "does not look like a Word document"),
        ("paper.odt", docx(), "does not look like an OpenDocument text file"),
        ("paper.docx", docx(extra={"word/vbaProject.bin": b"macro"}), files.MACROS),
        ("paper.html", b"<p>Hello</p>", files.WRONG_TYPE),
        ("paper.svg", b"<svg/>", files.WRONG_TYPE),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", files.WRONG_TYPE),
        ("paper", b"No extension at all", files.WRONG_TYPE),
    ],
)
def test_file2_the_type_comes_from_the_content_not_the_name(client, mworld, name, data, message):
    refused(upload(client, mworld, name, data), message or files.ACTIVE_PDF)


@pytest.mark.django_db
def test_file2_a_pdf_hiding_javascript_in_a_compressed_stream_is_refused(client, mworld):
    hidden = {5: b"<< /Type /Action /S /JavaScript /JS (x) >>"}  # in a compressed object stream
    data = pdf(catalog=b"/OpenAction 5 0 R", packed=hidden)
    refused(upload(client, mworld, "paper.pdf", data), files.ACTIVE_PDF)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("agenda.pdf", a_pdf(), "pdf"),
        ("agenda.docx", docx(), "docx"),
        ("agenda.txt", b"We will meet on Tuesday.", "txt"),
        ("agenda.md", b"# Agenda\n\nWe will meet on Tuesday.", "md"),
    ],
)
def test_file2_real_papers_are_kept_and_served_as_downloads_of_their_real_type(
    client, mworld, name, data, kind
):
    assert upload(client, mworld, name, data).status_code == 302
    paper = Paper.objects.get(title="Budget paper")
    assert paper.kind == kind
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/papers/{paper.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == Paper.CONTENT_TYPES[kind]
    assert b"".join(response.streaming_content) == data


@pytest.mark.django_db
def test_the_plain_english_check_runs_on_the_text_of_each_paper(client, mworld):
    text = b"The aforementioned stakeholders shall henceforth operationalise synergies. " * 5
    assert upload(client, mworld, "hard.txt", text).status_code == 302
    paper = Paper.objects.get(title="Budget paper")
    assert paper.plain_english_level and paper.plain_english_reason
    assert paper.plain_english_findings >= 1
    body = client.get(
        f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/papers/"
    ).content.decode()
    assert paper.plain_english_reason in body.replace("&#x27;", "'")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("a\r\nb.txt", "a b.txt"),
        ("invoice\u202etxt.md", "invoice txt.md"),
        ("..\\..\\x.md", "x.md"),
        ("  .hidden.txt", "hidden.txt"),
        ("caf\u0065\u0301.txt", "caf\u00e9.txt"),
    ],
)
def test_file3_names_lose_folders_control_and_direction_characters(name, shown):
    assert files.check_upload(b"Plain words.", name).name == shown


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "..\\..\\x.md", "r\u202etxt.md"])
def test_file3_a_paper_is_stored_under_a_generated_name_and_downloaded_safely(client, mworld, name):
    assert upload(client, mworld, name, b"Plain words.").status_code == 302
    paper = Paper.objects.get(title="Budget paper")
    assert "/" not in paper.original_name and "\u202e" not in paper.original_name
    folder, generated = paper.stored_name.split("/")
    assert folder == "meeting-papers" and len(generated) == 32  # a random hex name
    assert os.path.isfile(os.path.join(settings.MEDIA_ROOT, paper.stored_name))
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/papers/{paper.pk}/"
    disposition = client.get(url)["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "/" not in disposition and "\u202e" not in disposition and ".." not in disposition


@pytest.mark.django_db
def test_file4_papers_are_not_served_from_the_media_folder(client, mworld):
    client.force_login(mworld.lead_a)
    assert client.get(f"/media/{mworld.paper_a.stored_name}").status_code == 404
    assert client.get(f"{settings.MEDIA_URL}{mworld.paper_a.stored_name}").status_code == 404


@pytest.mark.django_db
def test_file4_only_people_who_may_see_the_meeting_get_its_papers(client, mworld):
    url = (
        f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/papers/"
        f"{mworld.paper_a.pk}/"
    )
    for person, code in (
        (mworld.citizen_a, 200),
        (mworld.lead_a, 200),
        (mworld.citizen_b, 404),
        (mworld.outsider, 404),
    ):
        client.force_login(person)
        assert client.get(url).status_code == code, person


@pytest.mark.django_db
def test_file5_an_archive_bomb_is_refused_before_it_is_unpacked(client, mworld):
    bomb = docx(extra={"word/padding.xml": b"\0" * (30 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # small on the way in
    refused(upload(client, mworld, "paper.docx", bomb), "would be too big once unpacked")


@pytest.mark.django_db
def test_file5_too_many_entries_is_refused(client, mworld):
    many = docx(extra={f"word/x{n}.xml": b"" for n in range(1200)})
    refused(upload(client, mworld, "paper.docx", many), "would be too big once unpacked")


def test_file6_no_image_is_accepted_so_no_photo_metadata_is_kept():
    """Papers are documents: images (which could carry GPS) are refused by their name and
    by their content, so there is no photo to strip."""
    assert "jpg" not in files.SUFFIX_KINDS and "jpeg" not in files.SUFFIX_KINDS
    with pytest.raises(files.ValidationError):
        files.check_upload(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00", "photo.pdf")


@pytest.mark.django_db
def test_file7_a_file_with_a_virus_is_refused(client, mworld, clamd):
    before = stored_files()
    refused(upload(client, mworld, "paper.txt", EICAR), files.INFECTED)
    assert stored_files() == before
    assert upload(client, mworld, "paper.txt", b"Plain words.").status_code == 302


@pytest.mark.django_db
def test_file7_with_the_scanner_down_nothing_is_kept(client, mworld, settings, tmp_path):
    settings.CLAMD_SOCKET = str(tmp_path / "no-scanner-here.sock")
    before = stored_files()
    refused(upload(client, mworld, "paper.txt", b"Plain words."), files.SCANNER_DOWN)
    assert stored_files() == before
