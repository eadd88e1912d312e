from django.apps import AppConfig


class WritingConfig(AppConfig):
    """The web side of the plain English checker: a page, an API call, a command, a widget."""

    name = "copro.writing"
    label = "writing"
    verbose_name = "Check your writing"
