from django.core.exceptions import ValidationError


def errors_to_form(form, error: ValidationError, rename: dict | None = None) -> None:
    """Show a service's refusal beside the field it is about, or at the top of the form."""
    rename = rename or {}
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            field = rename.get(field, field)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
