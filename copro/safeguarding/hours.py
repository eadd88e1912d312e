"""Office hours for safeguarding, from settings: outside them, the page shows the council's
emergency numbers first, because nobody may read a new concern until the next working day."""

from datetime import datetime

from django.conf import settings
from django.utils import timezone


def in_office_hours(moment: datetime | None = None) -> bool:
    local = timezone.localtime(moment or timezone.now())
    if local.weekday() >= 5:
        return False
    start = settings.SAFEGUARDING_OFFICE_HOURS_FROM
    end = settings.SAFEGUARDING_OFFICE_HOURS_TO
    return start <= local.hour < end


def numbers() -> dict:
    return {
        "emergency_phone": settings.SAFEGUARDING_EMERGENCY_PHONE,
        "out_of_hours_phone": settings.SAFEGUARDING_OUT_OF_HOURS_PHONE,
        "office_phone": settings.SAFEGUARDING_OFFICE_PHONE,
        "office_from": settings.SAFEGUARDING_OFFICE_HOURS_FROM,
        "office_to": settings.SAFEGUARDING_OFFICE_HOURS_TO,
    }
