"""Text extraction from uploads: .txt, .md, .docx and .odt, and refusing unsafe files.

FILE-2 (type spoofing) and FILE-5 (archive bombs) from TESTING.md.
"""

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copro.plainenglish import ExtractionError, extract_text
from copro.plainenglish import extract as extraction

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def zip_bytes(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(body: str, extra: dict[str, bytes] | None = None) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    ).encode()
    return zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": document, **(extra or {})}
    )


def odt(body: str, mimetype: bytes = b"application/vnd.oasis.opendocument.text") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{OFFICE_NS}" xmlns:text="{TEXT_NS}">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        f"</office:document-content>"
    ).encode()
    return zip_bytes({"mimetype": mimetype, "content.xml": content})


def refused(data: bytes, filename: str) -> str:
    with pytest.raises(ExtractionError) as error:
        extract_text(data, filename)
    return str(error.value)


# --- Plain text -----------------------------------------------------------------------


def test_utf8_text_is_read_with_line_endings_made_plain():
    assert extract_text("Café\r\nnext line\rlast".encode(), "notes.txt") == "Café\nnext line\nlast"


def test_utf8_with_byte_order_mark():
    assert extract_text(b"\xef\xbb\xbfHello", "notes.md") == "Hello"


def test_utf16_with_byte_order_mark():
    assert extract_text("Hello £5".encode("utf-16"), "notes.txt") == "Hello £5"


def test_text_that_happens_to_start_like_a_program_is_still_text():
    assert extract_text(b"MZ Patel wrote this.", "notes.txt") == "MZ Patel wrote this."


def test_markdown_and_upper_case_names():
    assert extract_text(b"# Title", "C:\\Users\\sam\\NOTES.MD") == "# Title"
    assert extract_text(b"text", "notes.markdown") == "text"


def test_undecodable_bytes_are_refused_with_a_plain_message():
    message = refused(b"caf\xe9 au lait", "notes.txt")
    assert message == extraction.NOT_UTF8
    assert "UTF-8" in message


def test_empty_files_are_refused():
    for name in ("a.txt", "a.md", "a.docx", "a.odt"):
        assert refused(b"", name) == extraction.EMPTY


@pytest.mark.parametrize("name", ["report.pdf", "report.doc", "report", "report.txt.exe", ""])
def test_other_types_are_refused(name):
    assert refused(b"some bytes", name) == extraction.UNSUPPORTED


def test_too_big_files_are_refused():
    data = b"a" * (extraction.MAX_FILE_BYTES + 1)
    assert refused(data, "big.txt") == extraction.TOO_BIG


# --- Word -----------------------------------------------------------------------------


def test_docx_paragraphs_become_blank_line_separated():
    body = (
        "<w:p><w:r><w:t>First </w:t></w:r><w:r><w:t>paragraph.</w:t></w:r></w:p>"
        "<w:p/>"
        "<w:p><w:r><w:t>Second</w:t><w:tab/><w:t>one</w:t><w:br/><w:t>same</w:t></w:r></w:p>"
        "<w:p><w:r><w:delText>deleted</w:delText><w:t>Kept</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    assert extract_text(docx(body), "plan.docx") == (
        "First paragraph.\n\nSecond\tone\nsame\n\nKept\n\nCell"
    )


def test_docx_analyses_as_separate_sentences():
    from copro.plainenglish import analyse

    body = "<w:p><w:r><w:t>A heading</w:t></w:r></w:p><w:p><w:r><w:t>Some text</w:t></w:r></w:p>"
    assert analyse(extract_text(docx(body), "a.docx")).readability.sentence_count == 2


def test_docx_with_a_document_type_declaration_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    ).encode()
    data = zip_bytes({"word/document.xml": bomb})
    assert refused(data, "a.docx") == extraction.UNSAFE_XML


def test_broken_xml_is_refused_as_damaged():
    data = zip_bytes({"word/document.xml": b"<w:document><unclosed>"})
    assert refused(data, "a.docx") == extraction.DAMAGED


def test_deeply_nested_xml_does_not_break_the_reader():
    depth = 5000
    body = "<w:p>" + "<w:r>" * depth + "<w:t>Deep</w:t>" + "</w:r>" * depth + "</w:p>"
    assert extract_text(docx(body), "deep.docx") == "Deep"


def test_password_protected_entries_are_refused():
    data = bytearray(zip_bytes({"word/document.xml": b"<x/>"}, zipfile.ZIP_STORED))
    # Set the "encrypted" flag in the local header and in the central directory.
    data[6] |= 0x1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1
    assert refused(bytes(data), "a.docx") == extraction.ENCRYPTED


# --- OpenDocument ---------------------------------------------------------------------


def test_odt_paragraphs_headings_lists_and_spaces():
    body = (
        "<text:h>Our plan</text:h>"
        "<text:p>Two<text:s text:c='3'/>spaces <text:span>inside</text:span> here.</text:p>"
        "<text:list><text:list-item><text:p>An item</text:p></text:list-item></text:list>"
        "<text:p>Line<text:line-break/>break<text:tab/>tab"
        "<office:annotation><text:p>A comment</text:p></office:annotation> end</text:p>"
    )
    assert extract_text(odt(body), "plan.odt") == (
        "Our plan\n\nTwo   spaces inside here.\n\nAn item\n\nLine\nbreak\ttab end"
    )


def test_odt_needs_the_right_mimetype():
    data = odt("<text:p>Hi</text:p>", mimetype=b"application/vnd.oasis.opendocument.spreadsheet")
    assert refused(data, "sheet.odt") == extraction.NOT_ODT


# --- FILE-2: a file must be what its name says -------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "photo.docx", extraction.NOT_DOCX),
        (b"%PDF-1.7\n%plain ascii pdf", "notes.txt", extraction.NOT_TEXT),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "notes.txt", extraction.NOT_TEXT),
        (b"plain text, honestly", "letter.docx", extraction.NOT_DOCX),
        (b"plain text, honestly", "letter.odt", extraction.NOT_ODT),
        (b"text with a \x00 inside", "notes.txt", extraction.NOT_TEXT),
    ],
)
def test_file2_wrong_type_renamed_is_refused(data, name, message):
    assert refused(data, name) == message


def test_file2_odt_renamed_docx_and_docx_renamed_odt_are_refused():
    assert refused(odt("<text:p>Hi</text:p>"), "a.docx") == extraction.NOT_DOCX
    assert refused(docx("<w:p/>"), "a.odt") == extraction.NOT_ODT
    assert refused(docx("<w:p/>"), "a.txt") == extraction.NOT_TEXT


def test_file2_a_zip_without_the_expected_entries_is_refused():
    data = zip_bytes({"readme.txt": b"hello"})
    assert refused(data, "a.docx") == extraction.NOT_DOCX
    assert refused(data, "a.odt") == extraction.NOT_ODT


def test_file2_a_truncated_zip_is_refused():
    assert refused(docx("<w:p/>")[:40], "a.docx") == extraction.NOT_DOCX


# --- FILE-5: archive bombs are refused before anything is unpacked ----------------------


def test_file5_a_highly_compressed_entry_is_refused_before_unpacking(monkeypatch):
    data = docx("<w:p/>", extra={"word/media/zeros.bin": b"\x00" * (5 * 1024 * 1024)})
    assert len(data) < 100_000  # 5 MB of zeros shrinks about a thousand times

    def no_unpacking(*args, **kwargs):
        raise AssertionError("an entry was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    assert refused(data, "bomb.docx") == extraction.UNSAFE_ARCHIVE


def test_file5_too_much_unpacked_data_in_total_is_refused(monkeypatch):
    # Many entries, each too small for the ratio check, adding up to more than 20 MB.
    chunk = b"\x00" * (90 * 1024)
    entries = {f"word/media/{n}.bin": chunk for n in range(250)}
    data = docx("<w:p/>", extra=entries)
    assert len(data) < extraction.MAX_FILE_BYTES
    monkeypatch.setattr(zipfile.ZipFile, "open", None)  # nothing may be unpacked
    assert refused(data, "big.docx") == extraction.UNSAFE_ARCHIVE


def test_file5_too_many_entries_are_refused():
    extra = {f"customXml/item{n}.xml": b"" for n in range(extraction.MAX_ENTRIES)}
    assert refused(docx("<w:p/>", extra=extra), "many.docx") == extraction.UNSAFE_ARCHIVE


def test_file5_an_entry_bigger_than_it_says_is_caught_while_reading():
    real = docx("<w:p><w:r><w:t>" + "x" * 5000 + "</w:t></w:r></w:p>")
    archive = zipfile.ZipFile(io.BytesIO(real))
    entry = archive.getinfo("word/document.xml")
    # Rewrite the declared size in both headers to a much smaller number.
    true_size = entry.file_size.to_bytes(4, "little")
    lying = real.replace(true_size, (100).to_bytes(4, "little"))
    assert lying != real
    with pytest.raises(ExtractionError):
        extract_text(lying, "liar.docx")


# --- Never anything but ExtractionError --------------------------------------------------


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.txt", "a.md", "a.docx", "a.odt"]))
def test_file2_random_bytes_give_text_or_a_plain_refusal(data, name):
    try:
        assert isinstance(extract_text(data, name), str)
    except ExtractionError as error:
        assert str(error).endswith(".")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    document=st.binary(max_size=300),
    flip=st.integers(min_value=0, max_value=10_000),
)
def test_file2_damaged_archives_give_a_plain_refusal(document, flip):
    data = bytearray(docx("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>", extra={"x.bin": document}))
    data[flip % len(data)] ^= 0xFF
    try:
        assert isinstance(extract_text(bytes(data), "a.docx"), str)
    except ExtractionError as error:
        assert str(error).endswith(".")


def test_every_message_is_plain_english():
    messages = [
        extraction.UNSUPPORTED,
        extraction.EMPTY,
        extraction.TOO_BIG,
        extraction.NOT_TEXT,
        extraction.NOT_UTF8,
        extraction.NOT_DOCX,
        extraction.NOT_ODT,
        extraction.UNSAFE_ARCHIVE,
        extraction.DAMAGED,
        extraction.UNSAFE_XML,
        extraction.ENCRYPTED,
    ]
    for message in messages:
        assert message.endswith(".")
        for word in ("error", "exception", "zip", "xml", "invalid", "traceback"):
            assert word not in message.lower(), (word, message)
