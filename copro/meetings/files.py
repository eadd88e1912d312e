"""Checking an uploaded meeting paper before it is kept (FILE-1 to FILE-5, FILE-7).

The type comes from the content, not the name: the name only says what the person meant to
send, and the content must agree. PDFs are parsed whole by pypdf under limits and must carry
no scripts, automatic or launch actions, embedded files or XFA (copro.meetings.pdfs); Word
and OpenDocument files are opened by copro.plainenglish's extractor, which refuses archive
bombs before unpacking and stops at the text limit; text must decode and must not be a web
page. Every message is plain English and can be shown beside the field.
"""

import hashlib
import io
import logging
import re
import socket
import struct
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from copro.meetings.pdfs import ACTIVE, UNREADABLE, pdf_problem
from copro.plainenglish import ExtractionError, analyse, extract_text
from copro.plainenglish.extract import MAX_CHARACTERS

log = logging.getLogger("copro.meetings")

SUFFIX_KINDS = {"pdf": "pdf", "docx": "docx", "odt": "odt", "txt": "txt", "md": "md"}
SUFFIX_KINDS["markdown"] = "md"

WRONG_TYPE = (
    "The file must be a PDF, a Word document (.docx), an OpenDocument text file (.odt) or "
    "plain text (.txt or .md)."
)
EMPTY = "The file is empty. Choose the file with the paper in it."
NOT_PDF = (
    "This file is not a real PDF, although its name ends in .pdf. Check you chose the right "
    "file, or save the paper as a PDF again."
)
ACTIVE_PDF = (
    "This PDF contains scripts, actions or attached files, which we do not accept for safety "
    "reasons. Save it again as a plain PDF (for example with 'Print to PDF') and upload that."
)
MACROS = (
    "This document contains macros, which we do not accept for safety reasons. Save it as an "
    "ordinary Word document (.docx) without macros and upload that."
)
WEB_PAGE = (
    "This file looks like a web page, not a plain text paper. Save the paper as a PDF or a "
    "Word document and upload that."
)
INFECTED = "This file contains a virus or other harmful content, so we have not kept it."
SCANNER_DOWN = (
    "We cannot check files for viruses just now, so we have not kept this one. Try again later."
)


def max_megabytes() -> str:
    return f"{settings.MEETING_PAPER_MAX_BYTES / (1024 * 1024):g}"


def too_big_message() -> str:
    return f"The file is too big. It must be smaller than {max_megabytes()} MB."


@dataclass(frozen=True)
class CheckedPaper:
    kind: str
    name: str  # cleaned, safe to show and to offer as a download name
    data: bytes
    sha256: str
    text: str | None  # None when the text cannot be read (PDF)


def check_upload(data: bytes, filename: str) -> CheckedPaper:
    """The checked paper, or ValidationError with a message for the person."""
    kind = SUFFIX_KINDS.get(_suffix(filename))
    if kind is None:
        raise ValidationError(WRONG_TYPE, code="type")
    if not data:
        raise ValidationError(EMPTY, code="empty")
    if len(data) > settings.MEETING_PAPER_MAX_BYTES:
        raise ValidationError(too_big_message(), code="size")
    text = _check_pdf(data) if kind == "pdf" else _check_document(data, kind)
    scan(data)
    return CheckedPaper(
        kind=kind,
        name=clean_filename(filename, kind),
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
    )


def _suffix(filename: str) -> str:
    name = str(filename).replace("\\", "/").rsplit("/", 1)[-1].strip().rstrip(".")
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


# --- PDF -------------------------------------------------------------------------------------

UNREADABLE_PDF = (
    "We could not read this PDF all the way through, so we have not kept it. It may be "
    "damaged. Save the paper as a PDF again (for example with 'Print to PDF') and upload that."
)
COMPLEX_PDF = (
    "This PDF is built in a way we cannot check safely, so we have not kept it. Save it "
    "again as a plain PDF (for example with 'Print to PDF') and upload that."
)


def _check_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise ValidationError(NOT_PDF, code="type")
    problem = pdf_problem(data)  # parsed whole by pypdf, under limits (FILE-9)
    if problem == ACTIVE:
        raise ValidationError(ACTIVE_PDF, code="active")
    if problem == UNREADABLE:
        raise ValidationError(UNREADABLE_PDF, code="unreadable")
    if problem is not None:
        raise ValidationError(COMPLEX_PDF, code="complex")
    return None


# --- Word, OpenDocument and text -------------------------------------------------------------

_HTML = re.compile(r"^\s*<(!doctype\s+html|html|head|body|script|svg|iframe|meta)\b", re.I)


def _check_document(data: bytes, kind: str) -> str:
    try:
        # only the first MAX_CHARACTERS are read and checked, however much it expands (FILE-8)
        text = extract_text(data, f"paper.{kind}", max_characters=MAX_CHARACTERS, cut=True)
    except ExtractionError as error:
        raise ValidationError(error.message, code="unreadable") from None
    if kind == "docx" and _has_macros(data):
        raise ValidationError(MACROS, code="active")
    if kind in ("txt", "md") and _HTML.search(text[:2048]):
        raise ValidationError(WEB_PAGE, code="type")
    return text


def _has_macros(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(name.lower().endswith("vbaproject.bin") for name in archive.namelist())


# --- Names -----------------------------------------------------------------------------------


def clean_filename(filename: str, kind: str) -> str:
    """A name to show and to offer on download: no folders, no control or direction-changing
    characters, and always the extension of the real type (FILE-3)."""
    name = str(filename).replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(
        ch if unicodedata.category(ch)[0] not in "CZ" or ch == " " else " " for ch in name
    )
    name = " ".join(name.split()).strip(" .")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[:120].strip(" .") or "paper"
    return f"{stem}.{kind}"


# --- Virus scanning with clamd (FILE-7) ------------------------------------------------------

_CHUNK = 64 * 1024


def scan(data: bytes) -> None:
    """Ask clamd about the file when a socket is configured. Fails closed: if the scanner
    cannot be reached or gives no clear answer, the file is refused."""
    path = settings.CLAMD_SOCKET
    if not path:
        return
    try:
        reply = _instream(path, data)
    except OSError as error:
        log.error("virus scanner unavailable", extra={"event": "clamd_down", "error": str(error)})
        raise ValidationError(SCANNER_DOWN, code="scanner") from None
    if reply.endswith(b"OK"):
        return
    if reply.endswith(b"FOUND"):
        log.warning("infected upload refused", extra={"event": "upload_infected"})
        raise ValidationError(INFECTED, code="infected")
    log.error("virus scanner gave no answer", extra={"event": "clamd_error"})
    raise ValidationError(SCANNER_DOWN, code="scanner")


def _instream(path: str, data: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(30)
        conn.connect(path)
        conn.sendall(b"zINSTREAM\0")
        for start in range(0, len(data), _CHUNK):
            chunk = data[start : start + _CHUNK]
            conn.sendall(struct.pack("!L", len(chunk)) + chunk)
        conn.sendall(struct.pack("!L", 0))
        reply = b""
        while not reply.endswith(b"\0"):
            part = conn.recv(4096)
            if not part:
                break
            reply += part
    return reply.rstrip(b"\0").strip()


# --- Plain English ---------------------------------------------------------------------------


def plain_english(text: str | None) -> tuple[str, str, int | None]:
    """(level, reason, number of findings), or ("", why not, None) when there is no text."""
    if text is None:
        return "", "We cannot read the text of PDF files yet, so it has not been checked.", None
    report = analyse(text[:MAX_CHARACTERS])  # the analysis is capped like the reading
    reason = report.verdict.reason
    if len(text) >= MAX_CHARACTERS:
        reason = f"{reason} We checked the first {MAX_CHARACTERS:,} characters.".strip()
    return report.verdict.level, reason, len(report.findings)
