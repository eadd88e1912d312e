"""CSV and PDF files of a report.

CSV (IO-5): a text cell that a spreadsheet could read as a formula (it starts with = + - @, a
tab or a carriage return, perhaps after spaces) gets a leading apostrophe; numbers stay numbers;
NUL characters are dropped; RFC 4180 line endings. The first rows say what the file covers.

PDF (IO-6): WeasyPrint fetches nothing. The report's template needs no files, so every URL it
might meet (an image address someone typed into a project's summary, say) is refused.
"""

import csv
import io
import logging

from copro.reports.dashboard import Dashboard, dashboard_figures
from copro.reports.project_report import ProjectReport

log = logging.getLogger("copro.reports")

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return value
    text = str(value).replace("\x00", "")
    if text.lstrip(" ").startswith(TRIGGERS):
        return "'" + text
    return text


def csv_text(rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def project_figures_csv(report: ProjectReport) -> str:
    rows = [
        ["Project", report.project.title],
        ["Made on", f"{report.made_on:%-d %B %Y}"],
        ["Period covered", report.period],
        [],
        ["Section", "Figure", "Value"],
        *report.figures,
    ]
    return csv_text(rows)


def dashboard_csv_text(dashboard: Dashboard, *, public: bool = False) -> str:
    """The dashboard's figures; `public` is the open-data file: council-wide, aggregate, and
    with nothing about any single project."""
    heading = (
        "Working Together: open data" if public else "Working Together: how the projects are doing"
    )
    rows = [
        [heading],
        ["Made on", f"{dashboard.made_on:%-d %B %Y}"],
        ["Period covered", f"{dashboard.period.covers} ({dashboard.period.label})"],
        ["Service area", dashboard.service_area or "All service areas"],
        [
            "Note",
            f"Counts of people from 1 to {dashboard.threshold - 1} show as "
            f'"fewer than {dashboard.threshold}"; other counts of people are rounded to the '
            "nearest 5 and their totals are added up from the figures shown.",
        ],
        [],
        ["Section", "Figure", "Value"],
        *dashboard_figures(dashboard, public=public),
    ]
    return csv_text(rows)


def fetch_refused(url: str, *args, **kwargs):
    """Nothing is fetched while making a PDF: no network, no files (IO-6)."""
    log.warning("report PDF asked for a URL; refused")
    raise ValueError("Reports fetch nothing")


def _refusing_fetcher():
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        """WeasyPrint's own fetcher with no way out: every URL goes to fetch_refused."""

        def fetch(self, url, headers=None):
            return fetch_refused(url)

    return RefusingFetcher(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)


def pdf_from_html(html: str) -> bytes:
    from weasyprint import HTML  # imported here: it is slow to load and only PDFs need it

    return HTML(string=html, base_url=None, url_fetcher=_refusing_fetcher()).write_pdf(
        pdf_variant="pdf/ua-1"
    )
