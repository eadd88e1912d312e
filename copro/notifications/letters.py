"""Letters by post: one printable letter (PDF) with everything waiting for one person.

A letter carries the person's name and postal address (the envelope needs them), and the title,
body and link of each notification, as an e-mail would; nothing else about them. Large print
(18pt) when the person's formats include large print.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from copro.people.models import FormatNeed

STANDARD_PT = 12
LARGE_PRINT_PT = 18


def wants_large_print(person) -> bool:
    return FormatNeed.objects.filter(user=person, format=FormatNeed.Format.LARGE_PRINT).exists()


def letter_html(*, person, deliveries) -> str:
    profile = getattr(person, "profile", None)
    large = wants_large_print(person)
    return render_to_string(
        "notifications/letter.html",
        {
            "name": person.display_name,
            "address_lines": (profile.postal_address if profile else "").splitlines(),
            "notifications": [d.notification for d in deliveries],
            "site_url": settings.SITE_URL.rstrip("/"),
            "font_pt": LARGE_PRINT_PT if large else STANDARD_PT,
            "large_print": large,
            "today": timezone.localdate(),
            "council_name": settings.COUNCIL_NAME,
            "council_phone": settings.COUNCIL_PHONE,
            "council_address": settings.COUNCIL_ADDRESS,
            "service_name": settings.SERVICE_NAME,
        },
    )


def _no_fetching(url: str, *args, **kwargs):
    """A letter fetches nothing: no network, no files."""
    raise ValueError("Letters fetch nothing")


def letter_pdf(*, person, deliveries) -> bytes:
    from weasyprint import HTML  # slow to load; only letters need it

    html = letter_html(person=person, deliveries=deliveries)
    return HTML(string=html, base_url=None, url_fetcher=_no_fetching).write_pdf(
        pdf_variant="pdf/ua-1"
    )
