"""Checking a PDF with a real parser before it is kept (FILE-9), for papers and receipts.

The whole document is parsed by pypdf, a maintained PDF library, under limits: every object
in the cross-reference tables is read (objects packed in object streams too, whatever filters
hide them), and every dictionary is looked at. A document is refused when:

- pypdf cannot read it whole (damaged, truncated, or a polyglot that is not really a PDF,
  such as a Word file glued after the end);
- it has JavaScript (``/JS``, ``/JavaScript`` in the names tree or in an action), automatic
  actions (``/AA``, an ``/OpenAction`` that is an action rather than a page to open at),
  launch actions, embedded or attached files, XFA forms, rich media, form submission or
  import, or links that open other files;
- a limit is reached (objects, decompressed bytes, filters in a chain, time): we fail closed.

Content streams (what is drawn on the pages) are never unpacked: scripts and actions can only
live in dictionaries. So the work is one pass over the objects, linear in the file's size.
"""

from __future__ import annotations

import io
import logging
import time

from pypdf import PdfReader, apply_configuration
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

log = logging.getLogger("copro.meetings")

MAX_OBJECTS = 20_000  # a 300-page report has a few thousand; each costs about 0.1 ms
MAX_DECOMPRESSED = 50 * 1024 * 1024  # bytes any one stream may unpack to
MAX_SECONDS = 5.0  # a clean 10 MB PDF takes well under a second

# Keys whose presence alone makes a document active.
_ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/AA", "/Launch", "/EmbeddedFiles", "/EmbeddedFile", "/XFA"}
    | {"/RichMedia", "/RichMediaContent", "/RichMediaExecute"}
)
# Name values that make a document active wherever they appear (action types, file
# attachments, embedded file streams).
_ACTIVE_NAMES = frozenset(
    {"/JavaScript", "/Launch", "/EmbeddedFile", "/FileAttachment", "/RichMedia"}
    | {"/ImportData", "/SubmitForm", "/GoToE", "/GoToR", "/Rendition", "/Sound", "/Movie"}
    | {"/GoTo3DView", "/RichMediaExecute"}
)

ACTIVE = "active"
UNREADABLE = "unreadable"
TOO_COMPLEX = "too_complex"


class _Refuse(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def pdf_problem(data: bytes) -> str | None:
    """None for a plain PDF; otherwise why not: ACTIVE, UNREADABLE or TOO_COMPLEX."""
    try:
        with apply_configuration(
            maximum_declared_stream_length=MAX_DECOMPRESSED,
            array_based_stream_maximum_output_length=MAX_DECOMPRESSED,
            jbig2_maximum_output_length=MAX_DECOMPRESSED,
            lzw_maximum_output_length=MAX_DECOMPRESSED,
            run_length_maximum_output_length=MAX_DECOMPRESSED,
            zlib_maximum_output_length=MAX_DECOMPRESSED,
            brotli_maximum_output_length=MAX_DECOMPRESSED,
            image_maximum_buffer_size=MAX_DECOMPRESSED,
            stream_decoding_work_maximum_length=MAX_DECOMPRESSED * 2,
            stream_filters_maximum_length=4,
            jbig2dec_binary=None,
        ):
            _check(data)
    except _Refuse as refusal:
        return refusal.reason
    except RecursionError:
        return TOO_COMPLEX
    except Exception as error:  # noqa: BLE001 - anything pypdf cannot read is refused
        name = type(error).__name__
        log.info("pdf refused", extra={"event": "pdf_unreadable", "error_type": name})
        return TOO_COMPLEX if "Limit" in name else UNREADABLE
    return None


def _check(data: bytes) -> None:
    deadline = time.monotonic() + MAX_SECONDS
    if not data.startswith(b"%PDF-"):
        raise _Refuse(UNREADABLE)
    end = data.rfind(b"%%EOF")
    if end < 0 or data[end + 5 :].strip(b"\r\n\t\f \0"):
        raise _Refuse(UNREADABLE)  # something glued after the end: a polyglot
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise _Refuse(UNREADABLE)
    references = [
        (number, generation) for generation, numbers in reader.xref.items() for number in numbers
    ]
    references += [(number, 0) for number in reader.xref_objStm]
    if not references or len(references) > MAX_OBJECTS:
        raise _Refuse(UNREADABLE if not references else TOO_COMPLEX)
    _look_at(reader.trailer)
    for number, generation in references:
        if time.monotonic() > deadline:
            raise _Refuse(TOO_COMPLEX)
        obj = reader.get_object(IndirectObject(number, generation, reader))
        if obj is None:
            raise _Refuse(UNREADABLE)  # listed but not there: not read whole
        _look_at(obj)
    if len(reader.pages) < 1:
        raise _Refuse(UNREADABLE)


def _look_at(obj) -> None:
    """Refuse if this object, or anything written directly inside it, is active. Other
    objects it points at are looked at in their own turn."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, DictionaryObject):  # stream dictionaries too
            _look_at_dictionary(item)
            stack.extend(value for value in item.values() if not isinstance(value, IndirectObject))
        elif isinstance(item, ArrayObject):
            stack.extend(value for value in item if not isinstance(value, IndirectObject))
        elif isinstance(item, NameObject) and item in _ACTIVE_NAMES:
            raise _Refuse(ACTIVE)


def _look_at_dictionary(item: DictionaryObject) -> None:
    if any(key in _ACTIVE_KEYS for key in item):
        raise _Refuse(ACTIVE)
    opening = item.get("/OpenAction")
    if opening is not None and not isinstance(opening, ArrayObject):
        # a page to open at is fine; an action (even behind a reference) is not
        target = opening.get_object() if isinstance(opening, IndirectObject) else opening
        if not isinstance(target, ArrayObject):
            raise _Refuse(ACTIVE)
