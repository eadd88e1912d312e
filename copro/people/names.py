"""Names that pretend to be a role are refused (issue 14, finding 10).

A name like "Sam (staff)" or "Council admin" would let anyone look like someone with power to
decide. People's names may not contain the words below; the pages show a member of staff's
role from their account, by design, not from what anyone typed.
"""

import re
import unicodedata

ROLE_WORDS = re.compile(
    r"\b(staff|admins?|administrators?|council|councillors?|moderators?|mods?|officials?)\b"
)
ROLE_NAME = (
    "Choose a name without words like staff, admin, council or moderator. Pages show who "
    "works for the council for you."
)


def imitates_a_role(name: str) -> bool:
    """True if the name uses a role word, however it is written (full-width letters, accents,
    capitals, letters split by dots or dashes)."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w]+", " ", text)
    squeezed = re.sub(r"\b(\w) (?=\w\b)", r"\1", text)  # "s t a f f" -> "staff"
    return bool(ROLE_WORDS.search(text) or ROLE_WORDS.search(squeezed))
