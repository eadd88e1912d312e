"""A textarea that shows plain-English feedback on what is in it, for long text fields.

Other apps use it for project summaries, meeting papers and agendas:

    summary = forms.CharField(widget=PlainEnglishTextarea())

or show feedback on a saved text with the template tag `{% plain_english_summary text %}`
(`{% load plain_english %}`).
"""

from django import forms

from copro.plainenglish import analyse
from copro.writing.highlight import KIND_NAMES

MAX_LISTED = 10


def feedback(text: str) -> dict | None:
    """What the widget and the template tag show: the verdict and the first few findings."""
    if not text or not text.strip():
        return None
    report = analyse(text)
    findings = [
        {
            "kind_name": KIND_NAMES[f.kind],
            "text": f.text,
            "message": f.message,
            "suggestion": f.suggestion,
        }
        for f in report.findings[:MAX_LISTED]
    ]
    return {
        "verdict": report.verdict,
        "findings": findings,
        "more": max(0, len(report.findings) - MAX_LISTED),
        "total": len(report.findings),
    }


class PlainEnglishTextarea(forms.Textarea):
    template_name = "writing/widgets/plain_english_textarea.html"

    def __init__(self, attrs=None):
        super().__init__({"rows": 8, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["plain_english"] = feedback(self.format_value(value) or "")
        return context
