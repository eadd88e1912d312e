"""Times written the GOV.UK way everywhere: "10am", "2:30pm", "midday", "midnight"."""

from datetime import datetime, time

from django.utils import timezone


def govuk_time(moment: datetime | time | None) -> str:
    if moment is None or moment == "":
        return ""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def govuk_date_time(moment: datetime | None) -> str:
    """ "7 December 2026, 10am": a date and a time together."""
    if moment is None or moment == "":
        return ""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment.day} {moment:%B %Y}, {govuk_time(moment)}"
