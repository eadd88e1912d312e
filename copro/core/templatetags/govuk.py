from django import template
from django.forms import BoundField

from copro.core import times
from copro.core.forms import widget_kind

register = template.Library()

_CLASSES = {
    "input": ("govuk-input", "govuk-input--error"),
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
}


@register.filter
def kind(field: BoundField) -> str:
    return widget_kind(field.field.widget)


def described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag
def govuk_widget(field: BoundField):
    """Render a text-like widget with the GOV.UK classes and the hint and error wired to it."""
    base, error = _CLASSES.get(widget_kind(field.field.widget), ("", ""))
    classes = [base, field.field.widget.attrs.get("class", "")]
    if field.errors:
        classes.append(error)
    attrs = {"class": " ".join(c for c in classes if c)}
    if ids := described_by(field):
        attrs["aria-describedby"] = ids
    return field.as_widget(attrs=attrs)


@register.simple_tag
def aria_describedby(field: BoundField) -> str:
    return described_by(field)


@register.simple_tag
def page_title(title: str, form=None) -> str:
    """GOV.UK page titles start with "Error: " when the form on the page has errors."""
    prefix = "Error: " if form is not None and form.errors else ""
    return f"{prefix}{title}"


@register.simple_tag
def first_field_id(form) -> str:
    """Where a whole-form error should take the reader: the first visible field."""
    for field in form.visible_fields():
        return field.auto_id
    return "main-content"


@register.filter
def govuk_time(moment) -> str:
    """One way to write a time on every page: "10am", "2:30pm" (copro.core.times)."""
    return times.govuk_time(moment)


@register.filter
def govuk_date_time(moment) -> str:
    """ "7 December 2026, 10am"."""
    return times.govuk_date_time(moment)
