"""The "Check your writing" page: text and uploads, errors beside the field, nothing stored."""

import os
import re
import tempfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.writing import files

URL = "/check-your-writing/"
JARGON = "We will utilise synergies going forward to leverage our assets."


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.django_db
def test_the_page_renders_for_anyone_without_queries(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<h1 class="govuk-heading-l">Check your writing</h1>' in body
    assert 'enctype="multipart/form-data"' in body


@pytest.mark.django_db
def test_pasted_text_is_checked_and_each_finding_is_marked_and_linked(client):
    response = client.post(URL, {"text": JARGON})
    body = response.content.decode()
    assert response.status_code == 200
    assert "This text is" in body
    marks = re.findall(r'<mark class="app-finding app-finding--jargon" id="(finding-\d+)"', body)
    assert len(marks) >= 3
    for anchor in marks:
        assert f'href="#{anchor}"' in body
    assert "utilise" in body and "Try &quot;use&quot; instead" in body


@pytest.mark.django_db
def test_the_marked_text_keeps_every_character(client):
    text = "Line one.\n\nThe report was written by staff. It is OK to use NHS here & now."
    body = client.post(URL, {"text": text}).content.decode()
    checked = re.search(
        r'<div class="app-checked-text govuk-body" id="checked-text">(.*?)</div>', body, re.S
    ).group(1)
    without_hidden = re.sub(r'<span class="govuk-visually-hidden">.*?</span>', "", checked)
    plain = re.sub(r"<[^>]+>", "", without_hidden)
    assert plain == text.replace("&", "&amp;")


@pytest.mark.django_db
def test_io9_nothing_to_check_is_explained_beside_the_field(client):
    body = client.post(URL, {"text": "   "}).content.decode()
    assert "There is a problem" in body
    assert "Paste some text or upload a file to check" in body
    assert 'href="#id_text"' in body


@pytest.mark.django_db
def test_text_and_a_file_together_is_refused(client):
    body = client.post(URL, {"text": "Hello.", "upload": upload("a.txt", b"Hi.")}).content.decode()
    assert "Paste some text or upload a file, not both." in body


@pytest.mark.django_db
def test_too_much_text_is_refused(client):
    body = client.post(URL, {"text": "word " * 20_001}).content.decode()
    assert "The text is too long" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.txt", JARGON.encode()),
        ("notes.md", ("# Title\n\n- " + JARGON).encode()),
        ("paper.docx", files.docx("First paragraph.", JARGON)),
        ("paper.odt", files.odt("First paragraph.", JARGON)),
    ],
)
def test_each_allowed_file_type_is_read_and_checked(client, name, data):
    body = client.post(URL, {"upload": upload(name, data)}).content.decode()
    assert f"Results for {name}" in body
    assert "app-finding--jargon" in body


@pytest.mark.django_db
def test_file1_a_file_over_the_limit_is_refused_before_it_is_stored(client):
    before = set(os.listdir(tempfile.gettempdir()))
    data = b"a" * (2 * 1024 * 1024 + 1)
    body = client.post(URL, {"upload": upload("big.txt", data)}).content.decode()
    assert "The file is too big. It must be smaller than 2 MB." in body
    assert set(os.listdir(tempfile.gettempdir())) - before == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.docx", b"<html><script>alert(1)</script></html>", "docx"),
        ("polyglot.odt", b"\x89PNG\r\n\x1a\n" + b"<html>" * 20, "odt"),
        ("virus.exe", b"MZ\x90\x00", "must be a .docx, .odt, .txt or .md file"),
        ("image.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02\xff\xfe", "txt"),
        ("empty.txt", b"", "The file is empty"),
    ],
)
def test_file2_files_that_are_not_what_they_claim_are_refused(client, name, data, message):
    response = client.post(URL, {"upload": upload(name, data)})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Results for" not in body
    if message in {"docx", "odt", "txt"}:
        error = re.search(
            r'<p id="id_upload-error" class="govuk-error-message">(.*?)</p>', body, re.S
        )
        assert error, body
    else:
        assert message in body


@pytest.mark.django_db
def test_file5_an_archive_bomb_is_refused_before_it_is_unpacked(client):
    body = client.post(URL, {"upload": upload("bomb.docx", files.docx_bomb())}).content.decode()
    assert "There is a problem" in body and "Results for" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "a\r\nb.txt", "\u202etxt.exe.txt"])
def test_file3_odd_file_names_are_only_shown_as_text(client, name):
    response = client.post(URL, {"upload": upload(name, b"Short and plain.")})
    body = response.content.decode()
    assert response.status_code == 200
    shown = re.search(r"Results for ([^<]*)<", body)
    if shown is None:
        # A name the upload parser cannot keep whole is refused with a message instead.
        assert "must be a .docx, .odt, .txt or .md file" in body
    else:
        assert "../" not in shown.group(1) and "\r" not in shown.group(1)


@pytest.mark.django_db
def test_io1_pasted_markup_is_shown_as_text(client):
    payload = '<script>alert(1)</script> "><svg onload=alert(1)> {{ 7|add:1 }}'
    body = client.post(URL, {"text": payload}).content.decode()
    assert "<script>alert(1)" not in body and "<svg onload" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "{{ 7|add:1 }}" in body


@pytest.mark.django_db
def test_the_page_refuses_other_methods(client):
    assert client.put(URL).status_code == 405


@pytest.mark.django_db
def test_fmt5_the_page_checks_against_the_easy_read_standard(client):
    text = "Bring three friends, and a pen."
    plain = client.post(URL, {"text": text}).content.decode()
    assert "app-finding--number-word" not in plain
    body = client.post(URL, {"text": text, "standard": "easy_read"}).content.decode()
    assert "This is not Easy Read yet" in body
    assert 'class="app-finding app-finding--number-word"' in body
    assert "Numbers written as words (Easy Read)" in body
