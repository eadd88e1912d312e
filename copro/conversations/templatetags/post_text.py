"""Showing what people wrote: always as text (HTML and scripts are escaped), line breaks kept,
and web addresses made into links that search engines and the browser treat as user content
(rel="nofollow ugc noopener"), opening in the same tab."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_URL = re.compile(r"https?://[^\s<>\"']{1,2000}", re.IGNORECASE)
_TRAILING = ".,;:!?)]}"


def render_post_text(text: str) -> SafeString:
    parts = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        end = match.start() + len(url)
        parts.append(escape(text[position : match.start()]))
        parts.append(
            f'<a class="govuk-link" href="{escape(url)}" rel="nofollow ugc noopener">'
            f"{escape(url)}</a>"
        )
        position = end
    parts.append(escape(text[position:]))
    html = "".join(parts).replace("\r\n", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308  (every piece of the person's text is escaped above)


@register.filter
def post_text(text: str) -> SafeString:
    return render_post_text(text or "")
