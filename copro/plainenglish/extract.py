"""Get the text out of an uploaded file: .txt, .md, .docx or .odt.

``extract_text(data, filename)`` returns the text, or raises ``ExtractionError`` whose
message can be shown to the person as it is. It never raises anything else.

- .txt and .md (also .markdown): UTF-8, with or without a byte order mark; UTF-16 with
  a byte order mark. Line endings become "\\n".
- .docx and .odt: opened with the standard library's ``zipfile`` and parsed with expat as
  defusedxml does (no document type declarations, no entities, nothing external).
  Each paragraph, heading, list item and table cell becomes its own paragraph, and
  paragraphs are separated by a blank line. Only the main text is read: not headers,
  footers, footnotes, comments or deleted tracked changes.

The checks happen on the content, not the name: a file must really be what its name
says. Before anything is unpacked, an archive is refused if it has more than
``MAX_ENTRIES`` entries, would unpack to more than ``MAX_UNPACKED_BYTES``, or has an
entry that shrank more than ``MAX_RATIO`` times (the mark of an archive bomb). While
unpacking, no entry may grow past the size it declared.

Work is bounded for every input (FILE-8): XML is parsed as it unpacks, with no tree built,
and reading stops as soon as the text passes ``max_characters`` (100,000 unless the caller
says otherwise), counting expanded spaces (``text:s text:c="1000"``) like any other text.
Nesting deeper than ``MAX_DEPTH`` or more than ``MAX_ELEMENTS`` elements are refused.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from xml.parsers import expat

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_RATIO = 100
_RATIO_CHECK_FROM_BYTES = 100 * 1024  # small entries may shrink a lot, harmlessly
MAX_CHARACTERS = 100_000  # the product's text limit: the most we read, check or keep
MAX_DEPTH = 10_000  # elements inside elements; real documents stay far below
MAX_ELEMENTS = 500_000  # elements read before giving up; 100,000 characters of Word use ~50,000

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
TOO_COMPLEX = (
    "This document is built in a way we cannot check safely, so we have not opened it. Save "
    "it again from your word processor, or save it as plain text, and try again."
)
ENCRYPTED = "This document is protected with a password. Remove the password and try again."


class ExtractionError(ValueError):
    """The file cannot be read. ``str(error)`` is a plain-English message for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TextTooLong(ExtractionError):
    """The file has more text than the limit; reading stopped there."""


def too_long_message(limit: int) -> str:
    return (
        f"The file has too much text. Check up to {limit:,} characters at a time, or split it "
        "into parts."
    )


def extract_text(
    data: bytes, filename: str, *, max_characters: int = MAX_CHARACTERS, cut: bool = False
) -> str:
    """The text of an uploaded file, or ``ExtractionError`` with a plain message.

    Reading stops as soon as the text passes ``max_characters`` (FILE-8): with ``cut`` the
    first ``max_characters`` are returned, otherwise ``TextTooLong`` is raised. Nothing longer
    than the limit (plus one small piece) is ever built, however much the file would expand.
    """
    suffix = _suffix(filename)
    if suffix not in SUFFIXES:
        raise ExtractionError(UNSUPPORTED)
    if not data:
        raise ExtractionError(EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise ExtractionError(TOO_BIG)
    budget = _Budget(max_characters, cut)
    if suffix in TEXT_SUFFIXES:
        return _plain_text(bytes(data), budget)
    if suffix == "docx":
        return _docx_text(bytes(data), budget)
    return _odt_text(bytes(data), budget)


def _suffix(filename: str) -> str:
    name = str(filename).replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


class _Full(Exception):
    """The text has reached its limit: stop reading."""


class _Budget:
    """Counts the characters kept, and stops the reading when they pass the limit."""

    def __init__(self, limit: int, cut: bool) -> None:
        self.limit = max(int(limit), 0)
        self.cut = cut
        self.used = 0

    def take(self, text: str) -> str:
        """The part of ``text`` that fits; raises ``_Full`` once the limit is passed."""
        room = self.limit - self.used
        if len(text) <= room:
            self.used += len(text)
            return text
        self.used = self.limit
        raise _Full(text[: max(room, 0)])

    def finish(self, text: str) -> str:
        """What to give back when the reading stopped at the limit."""
        if not self.cut:
            raise TextTooLong(too_long_message(self.limit))
        return text[: self.limit]


_CHUNK = 64 * 1024


def _plain_text(data: bytes, budget: _Budget) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(_BINARY_SIGNATURES):
        raise ExtractionError(NOT_TEXT)
    else:
        encoding = "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)()
    pieces: list[str] = []
    carried = ""  # a final "\r" waits for the next piece, in case a "\n" follows
    try:
        for start in range(0, len(data), _CHUNK):
            final = start + _CHUNK >= len(data)
            piece = carried + decoder.decode(data[start : start + _CHUNK], final=final)
            if "\x00" in piece:
                raise ExtractionError(NOT_TEXT)
            carried = "\r" if piece.endswith("\r") and not final else ""
            piece = piece[: len(piece) - len(carried)]
            pieces.append(budget.take(piece.replace("\r\n", "\n").replace("\r", "\n")))
    except UnicodeDecodeError:
        raise ExtractionError(NOT_UTF8) from None
    except _Full as full:
        pieces.append(full.args[0])
        return budget.finish("".join(pieces))
    return "".join(pieces)


# --- Word and OpenDocument -----------------------------------------------------------


def _docx_text(data: bytes, budget: _Budget) -> str:
    with _open_archive(data, NOT_DOCX) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ExtractionError(NOT_DOCX)
        return _stream_text(archive, "word/document.xml", _DocxReader(), budget)


def _odt_text(data: bytes, budget: _Budget) -> str:
    with _open_archive(data, NOT_ODT) as archive:
        names = archive.namelist()
        if "mimetype" not in names or "content.xml" not in names:
            raise ExtractionError(NOT_ODT)
        if _read_small(archive, "mimetype").strip() != _ODT_MIMETYPE:
            raise ExtractionError(NOT_ODT)
        return _stream_text(archive, "content.xml", _OdtReader(), budget)


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


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    """The first bytes of a small entry (the ODT mimetype): never more than 256."""
    try:
        with archive.open(name) as stream:
            return stream.read(256)
    except Exception:  # bad compression data, encrypted, unsupported method
        raise ExtractionError(DAMAGED) from None


def _chunks(archive: zipfile.ZipFile, name: str):
    """An entry in pieces as it unpacks, never more than it declared (a lying header is
    caught here)."""
    entry = archive.getinfo(name)
    if entry.flag_bits & 0x1:
        raise ExtractionError(ENCRYPTED)
    seen = 0
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            seen += len(chunk)
            if seen > entry.file_size:
                raise ExtractionError(UNSAFE_ARCHIVE)
            yield chunk


def _stream_text(archive: zipfile.ZipFile, name: str, reader, budget: _Budget) -> str:
    """Parse one XML entry as it unpacks, keeping only text, and stop at the text limit.
    No tree is built: expat hands each tag and piece of text to a ``_Collector``. As in
    defusedxml, document type declarations, entities and external references are refused."""
    collector = _Collector(reader, budget)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    parser.StartDoctypeDeclHandler = _forbidden
    parser.EntityDeclHandler = _forbidden
    parser.UnparsedEntityDeclHandler = _forbidden
    parser.ExternalEntityRefHandler = _forbidden
    try:
        for chunk in _chunks(archive, name):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Full as full:
        collector.keep(full.args[0])
        return budget.finish(collector.text(unfinished=True))
    except ExtractionError:
        raise
    except Exception:  # bad XML, bad compression data, wrong checksum, unsupported method
        raise ExtractionError(DAMAGED) from None
    return collector.text()


def _forbidden(*args) -> None:
    raise ExtractionError(UNSAFE_XML)


def _split_tag(tag: str) -> tuple[str, str]:
    """("namespace", "local name") of an element's name as expat gives it ("ns}local")."""
    if "}" in tag:
        namespace, local = tag.split("}", 1)
        return namespace, local
    return "", tag


_SKIP, _PARAGRAPH, _TEXT, _OTHER = "skip", "paragraph", "text", "other"


class _Collector:
    """A parser target: keeps the text of paragraphs as the parser reads, in order.

    Each open element is one entry on ``open``; text inside a skipped element (a deleted
    change, a note) is ignored. Every kept piece goes through the budget first."""

    def __init__(self, reader, budget: _Budget) -> None:
        self.reader = reader
        self.budget = budget
        self.open: list[str] = []
        self.skipping = 0
        self.elements = 0
        self.paragraphs: list[str] = []
        self.open_paragraphs: list[list[str]] = []
        self.kinds: dict[str, str] = {}  # tag -> kind, worked out once per tag

    def kind_of(self, tag: str) -> str:
        namespace, local = _split_tag(tag)
        if self.reader.skips(namespace, local):
            return _SKIP
        if self.reader.is_paragraph(namespace, local):
            return _PARAGRAPH
        return _TEXT if self.reader.holds_text(namespace, local) else _OTHER

    def start(self, tag, attrib) -> None:
        self.elements += 1
        if len(self.open) >= MAX_DEPTH or self.elements > MAX_ELEMENTS:
            raise ExtractionError(TOO_COMPLEX)
        kind = self.kinds.get(tag)
        if kind is None:
            kind = self.kinds[tag] = self.kind_of(tag)
        if self.skipping or kind == _SKIP:
            self.skipping += 1
            self.open.append(_SKIP)
            return
        self.open.append(kind)
        if kind == _PARAGRAPH:
            self.open_paragraphs.append([])
        elif self.open_paragraphs:
            self.add(self.reader.symbol(*_split_tag(tag), attrib))

    def end(self, tag) -> None:
        kind = self.open.pop()
        if kind == _SKIP:
            self.skipping -= 1
        elif kind == _PARAGRAPH:
            self.close_paragraph("".join(self.open_paragraphs.pop()))

    def data(self, text: str) -> None:
        if self.skipping or not self.open:
            return
        if self.reader.text_anywhere or self.open[-1] == _TEXT:
            self.add(text)

    def close(self) -> None:
        return None

    def add(self, text: str) -> None:
        if self.open_paragraphs and text:
            self.open_paragraphs[-1].append(self.budget.take(text))

    def keep(self, text: str) -> None:
        """The last piece that fitted when the limit was reached."""
        if self.open_paragraphs and text:
            self.open_paragraphs[-1].append(text)

    def close_paragraph(self, paragraph: str) -> None:
        if not paragraph.strip():
            return
        self.paragraphs.append(paragraph)
        if len(self.paragraphs) > 1:
            self.budget.take("\n\n")  # the blank line between paragraphs counts too

    def text(self, *, unfinished: bool = False) -> str:
        paragraphs = list(self.paragraphs)
        if unfinished:
            paragraphs += ["".join(pieces) for pieces in self.open_paragraphs]
        return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip())


class _DocxReader:
    """Word: text is in w:t; w:p is a paragraph."""

    text_anywhere = False  # only inside w:t
    _SKIP = frozenset({"delText", "instrText", "del"})
    _SYMBOLS = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}

    def is_paragraph(self, namespace: str, local: str) -> bool:
        return namespace in _WORD_NAMESPACES and local == "p"

    def skips(self, namespace: str, local: str) -> bool:
        return namespace in _WORD_NAMESPACES and local in self._SKIP

    def holds_text(self, namespace: str, local: str) -> bool:
        return namespace in _WORD_NAMESPACES and local == "t"

    def symbol(self, namespace: str, local: str, attrib) -> str:
        if namespace not in _WORD_NAMESPACES:
            return ""
        return self._SYMBOLS.get(local, "")


class _OdtReader:
    """OpenDocument: text:p and text:h are paragraphs; text is in any element inside them,
    and between elements."""

    text_anywhere = True
    _SKIP_TEXT = frozenset({"note", "tracked-changes", "note-citation", "bookmark-ref"})
    _SYMBOLS = {"tab": "\t", "line-break": "\n"}

    def is_paragraph(self, namespace: str, local: str) -> bool:
        return namespace == _ODT_TEXT and local in ("p", "h")

    def skips(self, namespace: str, local: str) -> bool:
        if namespace == _ODT_OFFICE:
            return local == "annotation"
        return namespace == _ODT_TEXT and local in self._SKIP_TEXT

    def holds_text(self, namespace: str, local: str) -> bool:
        return True

    def symbol(self, namespace: str, local: str, attrib) -> str:
        if namespace == _ODT_TEXT and local == "s":
            # a run of spaces: counted against the budget like any other text (FILE-8)
            return " " * _space_count(attrib.get(f"{_ODT_TEXT}}}c"))
        if namespace == _ODT_TEXT and local in self._SYMBOLS:
            return self._SYMBOLS[local]
        return ""


def _space_count(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 1000)
    except ValueError:
        return 1
