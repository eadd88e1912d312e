"""Real PDFs built at test time (FILE-2, FILE-9): a cross-reference table or stream with the
right offsets, so a real parser reads them whole. Nothing binary is committed.

``pdf()`` is a one-page document; ``catalog`` adds entries to its catalog, ``extra`` adds
objects (number -> body), ``packed`` puts objects in an object stream behind ``filters``.
"""

from __future__ import annotations

import base64
import binascii
import zlib


def encode(data: bytes, filters: tuple[str, ...]) -> bytes:
    """``data`` encoded so that decoding with ``filters`` (first to last) gives it back."""
    for name in reversed(filters):
        data = _ENCODERS[name](data)
    return data


def _run_length(data: bytes) -> bytes:
    out = bytearray()
    for start in range(0, len(data), 128):
        piece = data[start : start + 128]
        out += bytes([len(piece) - 1]) + piece
    return bytes(out) + b"\x80"


_ENCODERS = {
    "FlateDecode": zlib.compress,
    "ASCIIHexDecode": lambda data: binascii.hexlify(data) + b">",
    "ASCII85Decode": lambda data: base64.a85encode(data) + b"~>",
    "RunLengthDecode": _run_length,
}


def stream(body: bytes, filters: tuple[str, ...] = (), extra: bytes = b"") -> bytes:
    data = encode(body, filters)
    names = b"".join(b"/" + name.encode() for name in filters)
    dictionary = b"<< /Length %d " % len(data) + extra
    if filters:
        dictionary += b" /Filter [" + names + b"]"
    return dictionary + b" >>\nstream\n" + data + b"\nendstream"


def pdf(
    *,
    catalog: bytes = b"",
    extra: dict[int, bytes] | None = None,
    packed: dict[int, bytes] | None = None,
    filters: tuple[str, ...] = ("FlateDecode",),
    padding: int = 0,
    content: bytes = b"BT /F1 12 Tf 20 100 Td (Budget) Tj ET",
) -> bytes:
    """A one-page PDF. ``padding`` adds that many bytes in a comment after the header, so a
    test can hit an exact size; ``packed`` objects go in an object stream (PDF 1.5)."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        4: stream(content),
        **(extra or {}),
    }
    out = bytearray(b"%PDF-1.7\n")
    if padding:
        out += b"%" + b"0" * max(padding - 2, 0) + b"\n"
    offsets: dict[int, int] = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    if packed:
        return bytes(_with_object_stream(out, offsets, packed, filters))
    start = len(out)
    size = max(offsets) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    return bytes(out)


def _with_object_stream(out, offsets, packed, filters) -> bytearray:
    numbers = sorted(packed)
    bodies, header, position = [], [], 0
    for number in numbers:
        header.append(b"%d %d" % (number, position))
        bodies.append(packed[number] + b"\n")
        position += len(bodies[-1])
    head = b" ".join(header) + b"\n"
    container = max([*offsets, *numbers]) + 1
    offsets[container] = len(out)
    extra = b"/Type /ObjStm /N %d /First %d" % (len(numbers), len(head))
    out += b"%d 0 obj\n" % container + stream(head + b"".join(bodies), filters, extra)
    out += b"\nendobj\n"
    xref_number = container + 1
    size = xref_number + 1
    rows = bytearray(b"\x00\x00\x00\x00\x00\xff\xff")
    for number in range(1, size):
        if number in offsets:
            rows += b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00"
        elif number in packed:
            rows += (
                b"\x02" + container.to_bytes(4, "big") + numbers.index(number).to_bytes(2, "big")
            )
        elif number == xref_number:
            rows += b"\x01" + len(out).to_bytes(4, "big") + b"\x00\x00"
        else:
            rows += b"\x00\x00\x00\x00\x00\xff\xff"
    start = len(out)
    extra = b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % size
    out += b"%d 0 obj\n" % xref_number + stream(bytes(rows), (), extra) + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return out


def padded_pdf(total: int) -> bytes:
    """A real PDF of exactly ``total`` bytes."""
    padding = 2
    for _ in range(3):  # the offsets' digits can change with the padding
        data = pdf(padding=padding)
        padding += total - len(data)
    assert len(data) == total
    return data
