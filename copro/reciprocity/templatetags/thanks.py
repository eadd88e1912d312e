"""Money and credits as people read them. Whole pence in, words out: never a float."""

from django import template

from copro.reciprocity import money

register = template.Library()


@register.filter
def pounds(pence) -> str:
    """1250 -> "£12.50"."""
    if pence is None or pence == "":
        return ""
    return money.pounds(int(pence))


@register.filter
def credits(n) -> str:
    """3 -> "3 time credits"; 1 -> "1 time credit"."""
    n = int(n or 0)
    return f"{n:,} time credit{'s' if abs(n) != 1 else ''}"


@register.filter
def signed(n) -> str:
    """A change to a balance: +3 or −2 (a real minus sign, read out as "minus")."""
    n = int(n or 0)
    return f"+{n:,}" if n > 0 else f"\u2212{abs(n):,}"
