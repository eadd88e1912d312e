"""Writes for papers in other formats (issue 19): a version of a paper as a file or a link,
and the large-print PDF made automatically from a paper whose text we can read.

Large print follows the RNIB's clear print guidance: 18 point sans-serif text (never below 16),
left aligned, generous spacing, headings in bold, one column."""

import logging
import uuid

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from copro.core.uploads import store_file
from copro.meetings.files import CheckedPaper
from copro.meetings.models import Invitee, Paper, PaperVersion
from copro.people.models import FormatNeed, User
from copro.plainenglish import ExtractionError, extract_text

log = logging.getLogger("copro.meetings")

VERSIONS_FOLDER = "meeting-papers/versions"
LARGE_PRINT_POINTS = 18  # RNIB clear print: 16 to 18 point; never below 16
TEXT_KINDS = {"txt", "md", "docx", "odt"}  # kinds whose text we can read to make large print


def paper_version_add(
    *,
    paper: Paper,
    format: str,
    language: str = "",
    checked: CheckedPaper | None = None,
    link: str = "",
    by: User,
    automatic: bool = False,
) -> PaperVersion:
    """Keep a version of `paper` in another format: a checked file or a link, not both."""
    language = " ".join(language.split()) if format == PaperVersion.Format.LANGUAGE else ""
    if format == PaperVersion.Format.LANGUAGE and not language:
        raise ValidationError({"language": "Enter the language this version is in"})
    if (checked is None) == (not link):
        raise ValidationError({"file": "Upload a file or give a link, but not both"})
    if paper.versions.filter(format=format, language=language).exists():
        raise ValidationError({"format": "This paper already has a version in this format"})
    stored = ""
    if checked is not None:
        stored = store_file(
            storages["default"],
            f"{VERSIONS_FOLDER}/{uuid.uuid4().hex}",
            checked.data,
            field="file",
        )
    try:
        with transaction.atomic():
            version = PaperVersion(
                paper=paper,
                format=format,
                language=language,
                original_name=checked.name if checked else "",
                stored_name=stored,
                kind=checked.kind if checked else "",
                size=len(checked.data) if checked else None,
                link=link,
                made_automatically=automatic,
                created_by=by,
                updated_by=by,
            )
            version.full_clean()
            version.save()
    except BaseException as error:
        if stored:
            storages["default"].delete(stored)
        if isinstance(error, IntegrityError):
            raise ValidationError(
                {"format": "This paper already has a version in this format"}
            ) from None
        raise
    return version


def large_print_needed(meeting) -> bool:
    """Someone invited, who has not said no, needs large print."""
    return (
        Invitee.objects.filter(meeting=meeting, user__formats__format=FormatNeed.Format.LARGE_PRINT)
        .exclude(reply=Invitee.Reply.NO)
        .exists()
    )


def paper_text(paper: Paper) -> str | None:
    """The text of a paper we can read (text, Word, OpenDocument), or None (PDF, unreadable)."""
    if paper.kind not in TEXT_KINDS:
        return None
    try:
        with storages["default"].open(paper.stored_name, "rb") as handle:
            return extract_text(handle.read(), paper.original_name)
    except (OSError, ExtractionError):
        log.warning("paper text unreadable", extra={"event": "paper_text", "paper_id": paper.pk})
        return None


def large_print_pdf(*, title: str, meeting_title: str, when: str, text: str) -> bytes:
    from weasyprint import HTML  # imported here: slow to load, and only this needs it

    blocks = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        block = block.strip()
        if not block:
            continue
        if block.startswith("#"):
            blocks.append(("heading", block.lstrip("#").strip()))
        else:
            blocks.append(("paragraph", " ".join(block.split())))
    html = render_to_string(
        "meetings/large_print.html",
        {
            "title": title,
            "meeting_title": meeting_title,
            "when": when,
            "blocks": blocks,
            "points": LARGE_PRINT_POINTS,
        },
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def paper_large_print_make(*, paper: Paper, by: User) -> PaperVersion | None:
    """A large-print PDF of `paper`, made from its text; None when there is already one or the
    text cannot be read (a PDF: the organiser uploads a large-print version instead)."""
    from copro.core.words import date_for_people
    from copro.meetings.files import check_upload

    if paper.versions.filter(format=PaperVersion.Format.LARGE_PRINT).exists():
        return None
    text = paper_text(paper)
    if not text:
        return None
    meeting = paper.meeting
    pdf = large_print_pdf(
        title=paper.title,
        meeting_title=meeting.title,
        when=date_for_people(meeting.starts_at),
        text=text,
    )
    stem = paper.original_name.rsplit(".", 1)[0]
    checked = check_upload(pdf, f"{stem}-large-print.pdf")
    return paper_version_add(
        paper=paper,
        format=PaperVersion.Format.LARGE_PRINT,
        checked=checked,
        by=by,
        automatic=True,
    )


def large_print_make_missing(*, meeting, by: User) -> list[PaperVersion]:
    """Large print of every paper that can have one made, when someone invited needs it."""
    if not large_print_needed(meeting):
        return []
    made = []
    for paper in meeting.papers.all():
        version = paper_large_print_make(paper=paper, by=by)
        if version is not None:
            made.append(version)
    return made
