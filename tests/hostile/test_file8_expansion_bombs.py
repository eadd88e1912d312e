"""FILE-8 and FILE-5: small files that would cost large. Every extractor stops at the text
limit while it reads; work is linear in the file's size (time measured as a ratio to a clean
file of ordinary size in the same run); peak memory stays within a stated bound."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from copro.meetings.models import Paper
from copro.plainenglish import ExtractionError, extract_text
from copro.plainenglish.extract import MAX_CHARACTERS
from tests.hostile import corpus
from tests.hostile.conftest import measure

MEMORY_BOUND = 50 * 1024 * 1024  # bytes traced at the peak, for files of at most 2 MB
TIME_RATIO = 10  # at most this many times a clean file's cost per byte (and never less than it)

HOSTILE = {
    "odt_space_bomb": ("odt", corpus.odt_space_bomb),
    "odt_text_bomb": ("odt", corpus.odt_text_bomb),
    "docx_text_bomb": ("docx", corpus.docx_text_bomb),
    "docx_ratio_bomb": ("docx", corpus.docx_ratio_bomb),
    "odt_ratio_bomb": ("odt", corpus.odt_ratio_bomb),
    "docx_deep": ("docx", corpus.docx_deep),
    "docx_many_elements": ("docx", lambda: corpus.docx_many_elements(300_000)),
    "docx_truncated": ("docx", corpus.docx_truncated),
    "docx_polyglot": ("docx", corpus.docx_polyglot),
}


@pytest.fixture(scope="module")
def clean_cost() -> float:
    """Seconds per byte for an ordinary document of about 100 KB (the best of three)."""
    body = "".join(
        f"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Paragraph {n} says what we will do.</w:t></w:r></w:p>"
        for n in range(1500)
    )
    data = corpus.docx(body, zipfile.ZIP_STORED)
    best = min(measure(lambda: extract_text(data, "a.docx"))[1] for _ in range(3))
    return best / len(data)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_file8_every_hostile_document_stops_early_within_time_and_memory(name, clean_cost):
    suffix, make = HOSTILE[name]
    data = make()
    result, seconds, peak = measure(lambda: extract_text(data, f"paper.{suffix}"))
    # refused with a plain message, or the text there is, never over the limit
    if isinstance(result, ExtractionError):
        assert result.message and "Traceback" not in result.message
    else:
        assert isinstance(result, str) and len(result) <= MAX_CHARACTERS, result
    assert peak < MEMORY_BOUND, f"{name}: {peak / 1e6:.1f} MB"
    allowed = TIME_RATIO * clean_cost * len(data) + 0.05
    assert seconds < allowed, f"{name}: {seconds:.3f}s, allowed {allowed:.3f}s"


def test_file8_the_space_bomb_is_cut_at_the_limit_without_building_more():
    data = corpus.odt_space_bomb()
    result, _seconds, peak = measure(
        lambda: extract_text(data, "paper.odt", max_characters=MAX_CHARACTERS, cut=True)
    )
    assert len(result) <= MAX_CHARACTERS
    assert result.startswith("Hello")
    # 4 million spaces would take at least 4 MB as a string; well under that was built
    assert peak < 3 * MAX_CHARACTERS * 4


def test_file8_text_just_under_the_limit_is_read_whole():
    text = "a" * (MAX_CHARACTERS - 10)
    data = corpus.odt(f"<text:p>{text}</text:p>")
    assert extract_text(data, "a.odt") == text
    assert extract_text(("a" * MAX_CHARACTERS).encode(), "a.txt") == "a" * MAX_CHARACTERS
    with pytest.raises(ExtractionError, match="too much text"):
        extract_text(("a" * (MAX_CHARACTERS + 1)).encode(), "a.txt")


def test_file8_plain_text_line_endings_split_across_pieces_are_read_once():
    data = b"a" * (64 * 1024 - 1) + b"\r\nb"
    assert extract_text(data, "a.txt") == "a" * (64 * 1024 - 1) + "\nb"


@pytest.mark.django_db
def test_file8_check_your_writing_refuses_the_space_bomb_with_a_message(client):
    upload = SimpleUploadedFile("bomb.odt", corpus.odt_space_bomb())
    response = client.post("/check-your-writing/", {"upload": upload})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "The file has too much text" in body


@pytest.mark.django_db
def test_file8_a_meeting_paper_bomb_is_kept_with_only_the_first_part_checked(client, mworld):
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/papers/"
    upload = SimpleUploadedFile("bomb.odt", corpus.odt_text_bomb())
    response = client.post(url, {"title": "Budget paper", "file": upload})
    assert response.status_code == 302
    paper = Paper.objects.get(title="Budget paper")
    assert f"We checked the first {MAX_CHARACTERS:,} characters." in paper.plain_english_reason


def test_file8_the_command_refuses_the_space_bomb(tmp_path):
    path = tmp_path / "bomb.odt"
    path.write_bytes(corpus.odt_space_bomb())
    with pytest.raises(CommandError, match="too much text") as caught:
        call_command("plain-english", str(path), stdout=io.StringIO())
    assert caught.value.returncode == 2


def test_file8_the_command_reads_no_more_than_the_limit_from_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("word " * MAX_CHARACTERS))
    with pytest.raises(CommandError, match="too much text"):
        call_command("plain-english", "-", stdout=io.StringIO())


@pytest.mark.django_db
def test_file8_the_api_refuses_text_over_the_limit(client):
    response = client.post(
        "/api/v1/plain-english",
        {"text": "a" * (MAX_CHARACTERS + 1)},
        content_type="application/json",
    )
    assert response.status_code == 422
