"""Forms for scheduled reports. The choices of project are only the projects the person may see
(AZ-3); everything else is checked again in copro.reports.schedules."""

from django import forms
from django.core.exceptions import ValidationError

from copro.people.models import User
from copro.reports.models import ReportSchedule
from copro.reports.schedules import parse_recipients, schedulable_projects

ORGANISATION = "organisation"


class RecipientsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 5, "autocomplete": "off", "spellcheck": "false"})

    def clean(self, value):
        value = super().clean(value)
        return parse_recipients(value)


class ScheduleEditForm(forms.Form):
    frequency = forms.ChoiceField(
        label="How often",
        choices=ReportSchedule.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how often to send the report",
            "invalid_choice": "Choose how often to send the report",
        },
    )
    recipients = RecipientsField(
        label="Who to send it to",
        help_text="Email addresses, one on each line. Each person gets their own email, so "
        "nobody sees the other addresses.",
        max_length=5000,
        error_messages={"required": "Enter at least one email address"},
    )


class ScheduleForm(ScheduleEditForm):
    report = forms.ChoiceField(
        label="Which report",
        error_messages={
            "required": "Choose which report to send",
            "invalid_choice": "Choose a report from the list",
        },
    )
    field_order = ["report", "frequency", "recipients"]

    def __init__(self, *args, viewer: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.projects = {str(p.pk): p for p in schedulable_projects(viewer=viewer)}
        self.fields["report"].choices = [
            ("", "Choose a report"),
            (ORGANISATION, "The whole organisation (the dashboard)"),
        ] + [(pk, f"Project: {p.title}") for pk, p in self.projects.items()]

    def clean_report(self):
        value = self.cleaned_data["report"]
        if value == ORGANISATION:
            return None
        if value not in self.projects:
            raise ValidationError("Choose a report from the list")
        return self.projects[value]
