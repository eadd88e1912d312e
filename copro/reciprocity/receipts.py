"""Checking a receipt before it is kept with an expense (FILE-1 to FILE-3, FILE-5 to FILE-7).

Receipts may be a PDF, a JPEG photo or a PNG picture. The type comes from the first bytes of
the file, never from its name. PDFs are parsed whole and checked for scripts, actions and attached
files the same way as meeting papers (copro.meetings.pdfs). Photos and pictures are opened and saved
again from their pixels only: that drops anything hidden after the picture (a web page glued
on), and all metadata, such as the place a phone photo was taken. Every file is scanned for
viruses when a scanner is configured. Every message is plain English for beside the field.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

# Reused from meeting papers: the PDF check, safe download names and the virus scanner.
from copro.meetings.files import clean_filename, scan
from copro.meetings.pdfs import ACTIVE, UNREADABLE, pdf_problem

CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
# A picture bigger than this many pixels is refused before it is unpacked (FILE-5): a small
# file can claim to be a huge picture and fill the memory.
MAX_PIXELS = 40_000_000

WRONG_TYPE = "The receipt must be a PDF, a photo (JPEG) or a picture (PNG)."
EMPTY = "The file is empty. Choose the file with your receipt in it."
ACTIVE_PDF = (
    "This PDF contains scripts, actions or attached files, which we do not accept for safety "
    "reasons. Save it again as a plain PDF (for example with 'Print to PDF') or take a photo "
    "of the receipt, and upload that."
)
UNREADABLE_PDF = (
    "We could not read this PDF all the way through, so we have not kept it. It may be "
    "damaged. Save it again as a PDF or take a photo of the receipt, and upload that."
)
COMPLEX_PDF = (
    "This PDF is built in a way we cannot check safely, so we have not kept it. Save it "
    "again as a plain PDF or take a photo of the receipt, and upload that."
)
BROKEN_IMAGE = (
    "We could not open this picture. It may be damaged. Take the photo again, or save it as "
    "a JPEG or PNG, and upload that."
)
HUGE_IMAGE = (
    "This picture is too large for us to open. Take a smaller photo of the receipt, or save "
    "it at a lower size, and upload that."
)


def max_megabytes() -> str:
    return f"{settings.RECEIPT_MAX_BYTES / (1024 * 1024):g}"


def too_big_message() -> str:
    return f"The receipt is too big. It must be smaller than {max_megabytes()} MB."


@dataclass(frozen=True)
class CheckedReceipt:
    kind: str  # "pdf", "jpg" or "png": the real type, from the content
    name: str  # cleaned, safe to show and to offer as a download name
    data: bytes  # what is kept: the PDF as sent, or the picture saved again
    sha256: str

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


def kind_of(data: bytes) -> str | None:
    """The type from the file's first bytes, or None if it is none we accept."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    return None


def check_receipt(data: bytes, filename: str) -> CheckedReceipt:
    """The checked receipt, or ValidationError with a message for the person."""
    if not data:
        raise ValidationError(EMPTY, code="empty")
    if len(data) > settings.RECEIPT_MAX_BYTES:
        raise ValidationError(too_big_message(), code="size")
    kind = kind_of(data)
    if kind is None:
        raise ValidationError(WRONG_TYPE, code="type")
    if kind == "pdf":
        problem = pdf_problem(data)  # parsed whole by pypdf, under limits (FILE-9)
        if problem == ACTIVE:
            raise ValidationError(ACTIVE_PDF, code="active")
        if problem == UNREADABLE:
            raise ValidationError(UNREADABLE_PDF, code="unreadable")
        if problem is not None:
            raise ValidationError(COMPLEX_PDF, code="complex")
        kept = data
    else:
        kept = reencode_image(data, kind)
    scan(data)
    return CheckedReceipt(
        kind=kind,
        name=download_name(filename, kind),
        data=kept,
        sha256=hashlib.sha256(kept).hexdigest(),
    )


def download_name(filename: str, kind: str) -> str:
    """The name offered on download: the person's own, cleaned, with the real type's
    extension (FILE-3); "receipt" when nothing of it is left."""
    name = clean_filename(filename, kind)
    if name == f"paper.{kind}" and not str(filename).strip().lower().startswith("paper"):
        return f"receipt.{kind}"
    return name


def reencode_image(data: bytes, kind: str) -> bytes:
    """The picture saved again from its pixels only, in the same format, with no metadata."""
    expected = {"jpg": "JPEG", "png": "PNG"}[kind]
    # Phones often save a JPEG with extra pictures inside ("MPO"): the first one is kept.
    formats = {"jpg": ("JPEG", "MPO"), "png": ("PNG",)}[kind]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in formats:
                    raise ValidationError(WRONG_TYPE, code="type")
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ValidationError(HUGE_IMAGE, code="huge")
                image.load()
                # Turn the photo the right way up first: the turn is metadata we drop.
                upright = ImageOps.exif_transpose(image)
                return _save(upright, expected)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(HUGE_IMAGE, code="huge") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(BROKEN_IMAGE, code="broken") from None


def _save(image: Image.Image, image_format: str) -> bytes:
    out = io.BytesIO()
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, format="JPEG", quality=90)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
            image = image.convert("RGBA")
        image.save(out, format="PNG", optimize=True)
    return out.getvalue()
