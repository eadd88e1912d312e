"""Forms for the people who run training: a session, a walk-in, a toolkit item, a cancellation.
They check shape only; services_running decides."""

from django import forms

from copro.framework.models import TrainingLevel
from copro.learning.models import ToolkitEntry
from copro.meetings.models import Venue
from copro.people.models import GroupMembership, User

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TIME = forms.TimeInput(format="%H:%M", attrs={"type": "time"})


class SessionForm(forms.Form):
    level = forms.ModelChoiceField(
        label="Which level?",
        queryset=TrainingLevel.objects.order_by("order"),
        empty_label="Choose a level",
        error_messages={"required": "Choose a level", "invalid_choice": "Choose a level"},
    )
    date = forms.DateField(
        label="Date",
        widget=DATE,
        error_messages={
            "required": "Enter a date",
            "invalid": "Enter a real date, for example 27 3 2027",
        },
    )
    starts_at = forms.TimeField(
        label="Start time",
        widget=TIME,
        help_text="For example, 10:00",
        error_messages={"required": "Enter a time", "invalid": "Enter a time, for example 10:00"},
    )
    venue = forms.ModelChoiceField(
        label="Venue",
        queryset=Venue.objects.filter(is_active=True),
        required=False,
        empty_label="Online (no venue)",
        help_text="Leave as online and give a link below for a session held online.",
        error_messages={"invalid_choice": "Choose a venue from the list"},
    )
    online_link = forms.URLField(
        label="Link for an online session",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address, like https://meet.example.org/abc"},
    )
    capacity = forms.IntegerField(
        label="How many places?",
        min_value=1,
        max_value=200,
        error_messages={
            "required": "Enter how many places there are",
            "invalid": "Enter a whole number",
            "min_value": "A session needs at least 1 place",
            "max_value": "A session can have at most 200 places",
        },
    )
    notes = forms.CharField(
        label="Anything people should know before they come (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, staff: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if staff:
            # Council staff choose who runs it; an ambassador always runs their own sessions.
            ambassadors = User.objects.filter(
                pk__in=GroupMembership.objects.filter(group__slug="ambassadors-network").values(
                    "user"
                )
            ).order_by("display_name")
            self.fields["ambassador"] = forms.ModelChoiceField(
                label="Who runs it?",
                queryset=ambassadors,
                empty_label="Choose an ambassador",
                error_messages={"required": "Choose who runs the session"},
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("venue") and not cleaned.get("online_link") and not self.errors:
            self.add_error("venue", "Choose a venue, or give a link for an online session")
        return cleaned


class CancelSessionForm(forms.Form):
    reason = forms.CharField(
        label="Why is it cancelled?",
        help_text="Everyone with a place or on the waiting list is told this.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why, so the people booked know"},
    )


class WalkInForm(forms.Form):
    email = forms.EmailField(
        label="Email address of the person who came",
        help_text="They need an account. They are added to the register as having come.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address, like name@example.org",
        },
    )


class ToolkitEntryForm(forms.ModelForm):
    url = forms.URLField(
        label="Web address",
        assume_scheme="https",
        help_text="Where the document, page or recording is.",
        error_messages={"required": "Enter its web address", "invalid": "Enter a web address"},
    )

    class Meta:
        model = ToolkitEntry
        fields = ["title", "kind", "description", "url", "transcript", "order"]
        labels = {"kind": "What is it?", "order": "Place in the list"}
        error_messages = {
            "title": {"required": "Enter a title"},
            "kind": {"required": "Choose what it is"},
            "description": {"required": "Say what it is for"},
        }
