"""Find a needless "co-" in front of a word, such as "co-deliver" or "co-evaluate".

The guidance the product follows asks people not to put "co-" in front of every word.
Any "co-" word is flagged unless it is one of:

- the terms the product itself defines and explains: co-production, co-produce(d/s),
  co-producing, co-producer(s), co-pro, co-design(s/ed/ing), co-designer(s). ("co-design"
  is still reported as jargon from the jargon list, with a plain alternative.)
- words that were English long before the fashion and have no shorter plain form:
  co-operate, co-ordinate, co-exist, co-author, co-worker, co-founder, co-pilot, co-opt,
  co-chair (a recognised committee role, shared by two people), co-op and a few more.

Only hyphenated forms are checked ("cocreate" without a hyphen is not found).
"""

from __future__ import annotations

import re

from copro.plainenglish.findings import CO_PREFIX, Finding
from copro.plainenglish.vocabulary import word_set

_CO_WORD = re.compile(r"(?<![\w\-\u2010\u2011])co[\-\u2010\u2011]([^\W\d_]+)(?!\w)", re.IGNORECASE)

_PRODUCT_TERMS = word_set(
    """production productions produce produced produces producing producer producers pro
    productive design designs designed designing designer designers"""
)
_ESTABLISHED = word_set(
    """op ops operate operates operated operating operation operations operative operatives
    ordinate ordinates ordinated ordinating ordination ordinator ordinators exist exists
    existed existing existence author authors authored authoring worker workers founder
    founders founded pilot pilots opt opts opted opting chair chairs chaired chairing
    chairman chairwoman chairperson sign signs signed signing signatory signatories
    morbid morbidity morbidities occur occurs occurred occurring occurrence parent
    parents parenting star stars starred starring educational efficient efficients habit
    habiting habitation"""
)
_PLAIN = {
    "create": "create together",
    "creates": "create together",
    "created": "created together",
    "creating": "creating together",
    "creation": "creating together",
    "deliver": "deliver together",
    "delivered": "delivered together",
    "delivering": "delivering together",
    "delivery": "delivering together",
    "evaluate": "review together",
    "evaluated": "reviewed together",
    "evaluating": "reviewing together",
    "evaluation": "reviewing together",
    "facilitate": "run together",
    "facilitated": "run together",
    "facilitating": "running together",
    "facilitation": "running it together",
    "host": "host together",
    "hosted": "hosted together",
    "hosting": "hosting together",
    "lead": "share the lead",
    "leads": "share the lead",
    "leadership": "shared leadership",
    "own": "own together",
    "owned": "owned together",
    "ownership": "shared ownership",
    "commission": "buy together",
    "commissioned": "bought together",
    "commissioning": "buying services together",
}
_NOUN_ENDINGS = ("tion", "sion", "ment", "ship", "ance", "ence")


def find_co_prefixes(text: str) -> list[Finding]:
    findings = []
    for match in _CO_WORD.finditer(text):
        rest = match.group(1).lower()
        if rest in _PRODUCT_TERMS or rest in _ESTABLISHED:
            continue
        findings.append(
            Finding(
                kind=CO_PREFIX,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                message=(
                    f'"{match.group()}" puts "co-" in front of an ordinary word. '
                    "It makes the text harder to read and does not say who works with whom."
                ),
                suggestion=f'Try "{plain_version(rest)}", or say who you will do it with.',
            )
        )
    return findings


def plain_version(rest: str) -> str:
    """A plainer way to say "co-" + ``rest`` (``rest`` in lower case)."""
    if rest in _PLAIN:
        return _PLAIN[rest]
    if rest.endswith(_NOUN_ENDINGS):
        return f"joint {rest}"
    return f"{rest} together"
