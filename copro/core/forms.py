"""GOV.UK form markup through Django's form renderer: label, hint, error message, error summary."""

from django import forms
from django.forms.renderers import DjangoTemplates


class GovukFormRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


def widget_kind(widget: forms.Widget) -> str:
    """Which GOV.UK component draws this widget. Tick boxes first: Django's
    CheckboxSelectMultiple is a subclass of RadioSelect."""
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


def errors_to_form(form: forms.Form, error, rename: dict | None = None) -> None:
    """Show a service's refusal (a ValidationError) beside the field it is about, or at the top
    of the form when it is about no field the form has. `rename` maps a service's field name to
    the form's, where they differ."""
    rename = rename or {}
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            field = rename.get(field, field)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
