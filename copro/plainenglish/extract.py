"""Get the text out of an uploaded file: .txt, .md, .docx or .odt.

``extract_text(data, filename)`` returns the text, or raises ``ExtractionError`` whose
message can be shown to the person as it is. It never raises anything else.

- .txt and .md (also .markdown): UTF-8, with or without a byte order mark; UTF-16 with
  a byte order mark. Line endings become "\\n".
- .docx and .odt: opened with the standard library's ``zipfile`` and parsed with
  ``defusedxml`` (no document type declarations, no entities, nothing external).
  Each paragraph, heading, list item and table cell becomes its own paragraph, and
  paragraphs are separated by a blank line. Only the main text is read: not headers,
  footers, footnotes, comments or deleted tracked changes.

The checks happen on the content, not the name: a file must really be what its name
says. Before anything is unpacked, an archive is refused if it has more than
``MAX_ENTRIES`` entries, would unpack to more than ``MAX_UNPACKED_BYTES``, or has an
entry that shrank more than ``MAX_RATIO`` times (the mark of an archive bomb). While
unpacking, no entry may grow past the size it declared.
"""

from __future__ import annotations

import codecs
import io
import zipfile

import defusedxml
from defusedxml.ElementTree import ParseError, fromstring

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_RATIO = 100
_RATIO_CHECK_FROM_BYTES = 100 * 1024  # small entries may shrink a lot, harmlessly

TEXT_SUFFIXES = frozenset({"txt", "md", "markdown"})
SUFFIXES = TEXT_SUFFIXES | {"docx", "odt"}

_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_WORD_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
_ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODT_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_BINARY_SIGNATURES = (
    b"PK\x03\x04",
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\xd0\xcf\x11\xe0",  # old Word and Excel files
    b"{\\rtf",
)

UNSUPPORTED = (
    "We can only check .txt, .md, .docx and .odt files. Save your document in one of "
    "these formats and try again."
)
EMPTY = "The file is empty. Choose a file that has some text in it."
TOO_BIG = f"The file is too big. It must be smaller than {MAX_FILE_BYTES // (1024 * 1024)} MB."
NOT_TEXT = (
    "This file does not look like plain text. Check you chose the right file, or save "
    "it as plain text and try again."
)
NOT_UTF8 = (
    "We could not read the characters in this file. Save it as plain text with UTF-8 "
    "encoding and try again."
)
NOT_DOCX = (
    "This file does not look like a Word document (.docx). Check you chose the right "
    "file, or open it and save it again as .docx."
)
NOT_ODT = (
    "This file does not look like an OpenDocument text file (.odt). Check you chose the "
    "right file, or open it and save it again as .odt."
)
UNSAFE_ARCHIVE = (
    "This file would be too big once unpacked, so we have not opened it. Try a shorter "
    "document, or save it as plain text."
)
DAMAGED = (
    "We could not read the text in this document. It may be damaged. Save it again and try again."
)
UNSAFE_XML = (
    "This document contains something we do not accept for safety reasons, so we have "
    "not opened it. Save it again from your word processor and try again."
)
ENCRYPTED = "This document is protected with a password. Remove the password and try again."


class ExtractionError(ValueError):
    """The file cannot be read. ``str(error)`` is a plain-English message for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def extract_text(data: bytes, filename: str) -> str:
    """The text of an uploaded file, or ``ExtractionError`` with a plain message."""
    suffix = _suffix(filename)
    if suffix not in SUFFIXES:
        raise ExtractionError(UNSUPPORTED)
    if not data:
        raise ExtractionError(EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise ExtractionError(TOO_BIG)
    if suffix in TEXT_SUFFIXES:
        return _plain_text(bytes(data))
    if suffix == "docx":
        return _docx_text(bytes(data))
    return _odt_text(bytes(data))


def _suffix(filename: str) -> str:
    name = str(filename).replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _plain_text(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(_BINARY_SIGNATURES):
        raise ExtractionError(NOT_TEXT)
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ExtractionError(NOT_UTF8) from None
    if "\x00" in text:
        raise ExtractionError(NOT_TEXT)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Word and OpenDocument -----------------------------------------------------------


def _docx_text(data: bytes) -> str:
    with _open_archive(data, NOT_DOCX) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ExtractionError(NOT_DOCX)
        root = _parse(_read(archive, "word/document.xml"))
    return _join(_paragraphs(root, _DocxReader()))


def _odt_text(data: bytes) -> str:
    with _open_archive(data, NOT_ODT) as archive:
        names = archive.namelist()
        if "mimetype" not in names or "content.xml" not in names:
            raise ExtractionError(NOT_ODT)
        if _read(archive, "mimetype").strip() != _ODT_MIMETYPE:
            raise ExtractionError(NOT_ODT)
        root = _parse(_read(archive, "content.xml"))
    return _join(_paragraphs(root, _OdtReader()))


def _open_archive(data: bytes, wrong_type: str) -> zipfile.ZipFile:
    if not data.startswith(b"PK\x03\x04"):
        raise ExtractionError(wrong_type)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except Exception:  # zipfile raises many kinds of error on a damaged archive
        raise ExtractionError(wrong_type) from None
    try:
        _check_sizes(entries)
    except ExtractionError:
        archive.close()
        raise
    return archive


def _check_sizes(entries: list[zipfile.ZipInfo]) -> None:
    """Refuse archive bombs using the sizes the archive declares, before unpacking."""
    if len(entries) > MAX_ENTRIES:
        raise ExtractionError(UNSAFE_ARCHIVE)
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise ExtractionError(UNSAFE_ARCHIVE)
    for entry in entries:
        shrunk = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > _RATIO_CHECK_FROM_BYTES and shrunk > MAX_RATIO:
            raise ExtractionError(UNSAFE_ARCHIVE)


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    """One entry, never more than it declared (a lying header is caught here)."""
    try:
        entry = archive.getinfo(name)
        if entry.flag_bits & 0x1:
            raise ExtractionError(ENCRYPTED)
        with archive.open(entry) as stream:
            content = stream.read(min(entry.file_size, MAX_UNPACKED_BYTES) + 1)
    except ExtractionError:
        raise
    except Exception:  # bad compression data, wrong checksum, unsupported method
        raise ExtractionError(DAMAGED) from None
    if len(content) > entry.file_size:
        raise ExtractionError(UNSAFE_ARCHIVE)
    return content


def _parse(xml: bytes):
    try:
        return fromstring(xml, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise ExtractionError(UNSAFE_XML) from None
    except (ParseError, ValueError, UnicodeError, LookupError):
        raise ExtractionError(DAMAGED) from None


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())


def _split_tag(tag: object) -> tuple[str, str]:
    """("namespace", "local name") of an element's tag; comments have no name."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{") and "}" in tag:
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return "", tag


class _DocxReader:
    """Word: text is in w:t; w:p is a paragraph."""

    _SKIP = frozenset({"delText", "instrText", "del"})
    _SYMBOLS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}

    def is_paragraph(self, namespace: str, local: str) -> bool:
        return namespace in _WORD_NAMESPACES and local == "p"

    def skips(self, namespace: str, local: str) -> bool:
        return namespace in _WORD_NAMESPACES and local in self._SKIP

    def text_of(self, element, namespace: str, local: str) -> str:
        if namespace not in _WORD_NAMESPACES:
            return ""
        if local == "t":
            return element.text or ""
        return self._SYMBOLS.get(local, "")

    def tail_of(self, element) -> str:
        return ""  # Word keeps no text between elements


class _OdtReader:
    """OpenDocument: text:p and text:h are paragraphs; text is in text and tails."""

    _SKIP_TEXT = frozenset({"note", "tracked-changes", "note-citation", "bookmark-ref"})
    _SYMBOLS = {"tab": "\t", "line-break": "\n"}

    def is_paragraph(self, namespace: str, local: str) -> bool:
        return namespace == _ODT_TEXT and local in ("p", "h")

    def skips(self, namespace: str, local: str) -> bool:
        if namespace == _ODT_OFFICE:
            return local == "annotation"
        return namespace == _ODT_TEXT and local in self._SKIP_TEXT

    def text_of(self, element, namespace: str, local: str) -> str:
        if namespace == _ODT_TEXT and local == "s":
            return " " * _space_count(element.get(f"{{{_ODT_TEXT}}}c"))
        if namespace == _ODT_TEXT and local in self._SYMBOLS:
            return self._SYMBOLS[local]
        return element.text or ""

    def tail_of(self, element) -> str:
        return element.tail or ""


def _space_count(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 1000)
    except ValueError:
        return 1


def _paragraphs(root, reader) -> list[str]:
    """Walk the tree without recursion (a deep document cannot overflow the stack)."""
    paragraphs: list[str] = []
    open_paragraphs: list[list[str]] = []
    stack: list[tuple[object, bool]] = [(root, False)]

    def add(text: str) -> None:
        if open_paragraphs and text:
            open_paragraphs[-1].append(text)

    while stack:
        element, leaving = stack.pop()
        namespace, local = _split_tag(element.tag)
        if leaving:
            if reader.is_paragraph(namespace, local):
                paragraphs.append("".join(open_paragraphs.pop()))
            add(reader.tail_of(element))
            continue
        if reader.skips(namespace, local):
            add(reader.tail_of(element))
            continue
        if reader.is_paragraph(namespace, local):
            open_paragraphs.append([])
        add(reader.text_of(element, namespace, local))
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return paragraphs
