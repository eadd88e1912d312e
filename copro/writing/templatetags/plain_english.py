from django import template

from copro.writing.widgets import feedback

register = template.Library()


@register.inclusion_tag("writing/includes/summary.html")
def plain_english_summary(text: str) -> dict:
    """Plain-English feedback on a saved text: `{% plain_english_summary project.summary %}`."""
    return {"plain_english": feedback(text or "")}
