"""A pseudo-language for testers (issue 19): every translated string comes out accented and
about a third longer ("Sign in" -> "[Ŝîĝñ îñ ~~]"), so a string that was never marked for
translation stands out in plain English, and a layout that breaks with longer words shows.

Switch it on with COPRO_PSEUDO_LANGUAGE=1 (settings.PSEUDO_LANGUAGE_ENABLED): the language
chooser then offers it. It needs no catalogue: every string marked for translation is
transformed as it is looked up. Placeholders (%(name)s, %s, {name}), HTML tags and entities
are kept as they are.
"""

import gettext
import re

CODE = "qps-ploc"  # the conventional pseudo-locale code (private use)
NAME = "Pseudo-language (for testing)"

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept as they are: format placeholders, HTML tags and entities, URLs.
_KEEP = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}|<[^<>]+>|&[#\w]+;|https?://\S+")
_CONTEXT = "\x04"
ACCENTED = set("àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ")


def pseudo(text: str) -> str:
    if not text or not text.strip():
        return text
    parts, last = [], 0
    for match in _KEEP.finditer(text):
        parts.append(text[last : match.start()].translate(_ACCENTS))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(_ACCENTS))
    letters = sum(ch.isalpha() for ch in text)
    return "[" + "".join(parts) + " " + "~" * max(1, letters // 3) + "]"


class PseudoTranslation(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        if _CONTEXT in message:  # pgettext: "context\x04message"
            message = message.split(_CONTEXT, 1)[1]
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def language(self) -> str:
        return CODE

    def to_language(self) -> str:
        return CODE


_CATALOGUE = PseudoTranslation()


def install() -> None:
    """Let Django's translation machinery hand out the pseudo-language for CODE."""
    from django.utils.translation import trans_real

    if getattr(trans_real.translation, "pseudo", False):
        return
    original_translation = trans_real.translation
    original_check = trans_real.check_for_language

    def translation(language):
        return _CATALOGUE if language == CODE else original_translation(language)

    def check_for_language(lang_code):
        return lang_code == CODE or original_check(lang_code)

    translation.pseudo = True
    trans_real.translation = translation
    trans_real.check_for_language = check_for_language
