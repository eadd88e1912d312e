"""Words for people, not fields: dates, sizes, labels and values as people say them.

"7 March 2027", "a short text file", "2.3 MB PDF", "Display name" rather than
"2027-03-07T14:30:00+00:00", "121 bytes" or "display_name". Machine-readable downloads keep
the raw values; only what a person reads goes through here.
"""

import datetime
import re

from django.utils import timezone

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")

# Files under this size are "short" (about two paragraphs of text).
SHORT_FILE_BYTES = 2_000

# Labels for the keys our exports use, where the key turned into words would not do.
LABELS = {
    "id": "Reference number",
    "pk": "Reference number",
    "email": "Email address",
    "url": "Web address",
    "sha256": "Fingerprint of the file",
    "ip_address": "Internet address (IP) of the device",
    "user_agent": "Web browser and device",
    "created_at": "Added",
    "updated_at": "Last changed",
    "exported_at": "Made on",
}


def date_for_people(value) -> str:
    """'7 March 2027'; with a time, '7 March 2027 at 2:30pm' in the service's time zone."""
    if isinstance(value, str):
        value = _parse(value)
        if isinstance(value, str):
            return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        hour = value.hour % 12 or 12
        minutes = f":{value.minute:02d}" if value.minute else ""
        when = f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"
        return f"{value.day} {value:%B %Y} at {when}"
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def _parse(text: str):
    try:
        if _ISO_DATETIME.match(text):
            return datetime.datetime.fromisoformat(text)
        if _ISO_DATE.match(text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    return text


_KIND_WORDS = {
    "pdf": "PDF",
    "docx": "Word document",
    "odt": "OpenDocument text file",
    "txt": "text file",
    "md": "text file",
}


def size_for_people(size: int | None, kind: str = "") -> str:
    """'a short text file', '45 KB Word document', '2.3 MB PDF'."""
    size = int(size or 0)
    what = _KIND_WORDS.get(kind, "file")
    if size < SHORT_FILE_BYTES:
        return f"a short {what}"
    if size < 1_000_000:
        return f"{round(size / 1000)} KB {what}"
    return f"{size / 1_000_000:.1f} MB {what}"


def label_for_people(key: str) -> str:
    """'display_name' -> 'Display name'; a few keys get their own words (LABELS)."""
    if key in LABELS:
        return LABELS[key]
    words = key.replace("_", " ").strip()
    words = re.sub(r"\bid\b", "reference", words)
    return words[:1].upper() + words[1:]


def value_for_people(value) -> str:
    """Dates as dates, yes and no, lists as lists, and 'Not given' for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return "Not given"
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if isinstance(value, datetime.date | str):
        return date_for_people(value)
    if isinstance(value, list | tuple):
        return ", ".join(value_for_people(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{label_for_people(k)}: {value_for_people(v)}" for k, v in value.items())
    return str(value)
