"""The hostile corpus, generated at test time (FILE-5, FILE-8, FILE-9): nothing binary is
committed. Each maker returns (file name, bytes)."""

from __future__ import annotations

import io
import zipfile
import zlib

from tests.pdfs import pdf, stream

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
FILTERS = (
    ("FlateDecode",),
    ("ASCIIHexDecode",),
    ("ASCII85Decode",),
    ("RunLengthDecode",),
    ("ASCIIHexDecode", "FlateDecode"),
    ("ASCII85Decode", "RunLengthDecode", "FlateDecode"),
)


def zipped(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(body: str, compression=zipfile.ZIP_DEFLATED) -> bytes:
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    return zipped(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": xml.encode()}, compression
    )


def odt(body: str, compression=zipfile.ZIP_DEFLATED) -> bytes:
    xml = (
        f'<?xml version="1.0"?><office:document-content xmlns:office="{OFFICE}" '
        f'xmlns:text="{TEXT}"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    entries = {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": xml.encode()}
    return zipped(entries, compression)


def clean_docx() -> bytes:
    return docx("<w:p><w:r><w:t>We will meet on Tuesday.</w:t></w:r></w:p>")


def clean_odt() -> bytes:
    return odt("<text:p>We will meet on Tuesday.</text:p>")


# --- Documents ------------------------------------------------------------------------------


def odt_space_bomb() -> bytes:
    """92 KB that once expanded 4 million spaces: under every archive limit (FILE-8)."""
    return odt('<text:p>Hello<text:s text:c="1000"/>' * 4000 + "</text:p>", zipfile.ZIP_STORED)


def odt_text_bomb() -> bytes:
    """Text far past the limit, in many paragraphs, stored (no compression ratio to catch)."""
    return odt("<text:p>Plain words for everyone to read.</text:p>" * 30_000, zipfile.ZIP_STORED)


def docx_text_bomb() -> bytes:
    return docx(
        "<w:p><w:r><w:t>Plain words for all.</w:t></w:r></w:p>" * 30_000, zipfile.ZIP_STORED
    )


def docx_ratio_bomb() -> bytes:
    """One entry that unpacks 20,000 times bigger than it is packed (FILE-5)."""
    return docx("<w:p><w:r><w:t>" + " " * 19_000_000 + "</w:t></w:r></w:p>")


def odt_ratio_bomb() -> bytes:
    return odt("<text:p>" + "a" * 19_000_000 + "</text:p>")


def docx_deep() -> bytes:
    depth = 20_000
    return docx("<w:p>" + "<w:r>" * depth + "<w:t>Deep</w:t>" + "</w:r>" * depth + "</w:p>")


def docx_many_elements(size: int) -> bytes:
    """About ``size`` bytes of empty elements, stored: the most parsing work per byte."""
    return docx("<w:p>" + "<w:r/>" * (size // 6) + "</w:p>", zipfile.ZIP_STORED)


def docx_truncated() -> bytes:
    data = docx_text_bomb()
    return data[: len(data) // 2]


def docx_polyglot() -> bytes:
    """A PDF with a Word document glued after it."""
    return pdf() + clean_docx()


# --- PDFs -----------------------------------------------------------------------------------

SCRIPT = b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"


def pdf_script_packed(filters: tuple[str, ...]) -> bytes:
    """JavaScript in an object stream behind ``filters``, started when the file opens."""
    return pdf(catalog=b"/OpenAction 5 0 R", packed={5: SCRIPT}, filters=filters)


def pdf_script_names_packed(filters: tuple[str, ...]) -> bytes:
    """Document-level JavaScript in the names tree, packed behind ``filters``."""
    packed = {5: b"<< /JavaScript << /Names [(a) 6 0 R] >> >>", 6: SCRIPT}
    return pdf(catalog=b"/Names 5 0 R", packed=packed, filters=filters)


def pdf_over_budget_first_stream() -> bytes:
    """A first stream that inflates to 200 MB, then an action with a script."""
    bomb = zlib.compress(b"\0" * 200_000_000, 9)
    first = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream"
    return pdf(catalog=b"/OpenAction 6 0 R", extra={5: first, 6: SCRIPT})


def pdf_over_budget_object_stream() -> bytes:
    """An object stream, used by the document, that inflates to 60 MB (past the budget)."""
    packed = {5: b"<< /Pad (" + b" " * 60_000_000 + b") /S /JavaScript /JS (x) >>"}
    return pdf(catalog=b"/OpenAction 5 0 R", packed=packed)


def pdf_many_tiny_streams(count: int) -> bytes:
    extra = {number: stream(b"q Q", ("FlateDecode",)) for number in range(5, 5 + count)}
    return pdf(extra=extra)


def pdf_deep() -> bytes:
    return pdf(extra={5: b"[" * 100_000 + b"]" * 100_000})


def pdf_truncated() -> bytes:
    data = pdf(catalog=b"/OpenAction 5 0 R", packed={5: SCRIPT})
    return data[: len(data) - 40]


def pdf_html_polyglot() -> bytes:
    """A web page that also starts like a PDF."""
    return b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n"


def pdf_zip_polyglot() -> bytes:
    return pdf() + clean_docx()


def pdf_launch() -> bytes:
    return pdf(catalog=b"/OpenAction << /S /Launch /F (calc.exe) >>")


def pdf_embedded_file() -> bytes:
    packed = {5: b"<< /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>", 6: b"<< /Type /Filespec >>"}
    return pdf(catalog=b"/Names 5 0 R", packed=packed)


def pdf_xfa() -> bytes:
    return pdf(catalog=b"/AcroForm << /Fields [] /XFA 5 0 R >>", extra={5: stream(b"<xdp/>")})


def pdf_page_action() -> bytes:
    """A page that runs something when opened (/AA)."""
    return pdf(extra={5: b"<< /AA << /O 6 0 R >> >>", 6: SCRIPT})
