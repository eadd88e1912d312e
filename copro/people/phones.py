"""UK phone numbers: checked when a person saves them, so a text is never refused at sending."""

import re

from django.core.exceptions import ValidationError

_ALLOWED = re.compile(r"^[0-9+() \-.]*$")


def normalise_uk(number: str) -> str:
    """The number as 11 digits starting 0 ("07700 900123"), or "" when it is not a UK number."""
    if not _ALLOWED.match(number or ""):
        return ""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+") or digits.startswith("0044"):
        digits = digits.removeprefix("00")
        if not digits.startswith("44"):
            return ""
        digits = "0" + digits[2:].removeprefix("0")
    if len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    if len(digits) != 11 or not digits.startswith("0") or digits[1] == "0":
        return ""
    return digits


def is_uk_mobile(number: str) -> bool:
    return normalise_uk(number).startswith("07") and not normalise_uk(number).startswith("070")


def validate_uk_phone(number: str, *, mobile: bool = False) -> str:
    """Return the tidied number or raise a ValidationError in plain English."""
    tidy = normalise_uk(number)
    if not tidy:
        raise ValidationError(
            "Enter a UK phone number, like 01632 960 001 or 07700 900 982", code="phone"
        )
    if mobile and not is_uk_mobile(tidy):
        raise ValidationError(
            "Enter a UK mobile number, like 07700 900 982, so we can text you", code="mobile"
        )
    return f"{tidy[:5]} {tidy[5:]}"
