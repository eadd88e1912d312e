"""The widget and template tag other apps use to show feedback beside long text."""

from django import forms
from django.template import Context, Template

from copro.writing.widgets import PlainEnglishTextarea


class SummaryForm(forms.Form):
    summary = forms.CharField(label="Summary", widget=PlainEnglishTextarea())


def test_the_widget_shows_feedback_on_what_was_typed():
    form = SummaryForm(data={"summary": "We will leverage synergies going forward."})
    html = str(form["summary"].as_field_group())
    assert 'class="govuk-textarea' in html
    assert "How easy is this to read?" in html
    assert '<strong>Jargon:</strong> "leverage"' in html


def test_the_widget_shows_nothing_extra_when_empty():
    html = str(SummaryForm()["summary"].as_field_group())
    assert "How easy is this to read?" not in html
    assert "<textarea" in html


def test_the_template_tag_summarises_a_saved_text():
    template = Template("{% load plain_english %}{% plain_english_summary text %}")
    html = template.render(Context({"text": "In order to facilitate this we utilise it."}))
    assert "How easy is this to read?" in html and "3 things to check" in html
    assert (
        Template("{% load plain_english %}{% plain_english_summary '' %}").render(Context()).strip()
        == ""
    )
