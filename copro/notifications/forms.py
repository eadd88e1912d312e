from django import forms

from copro.notifications.models import Channel, Preference

ROUTE_CHOICES = [(c.value, c.label) for c in (Channel.EMAIL, Channel.TEXT, Channel.POST)]


class PreferencesForm(forms.Form):
    """For each kind of event: which routes, and straight away or in a summary; quiet hours."""

    quiet_starts = forms.TimeField(
        label="Quiet hours start (optional)",
        required=False,
        help_text="We send no text messages in your quiet hours. For example, 21:00.",
        error_messages={"invalid": "Enter a time like 21:00"},
    )
    quiet_ends = forms.TimeField(
        label="Quiet hours end (optional)",
        required=False,
        help_text="For example, 08:00. Texts wait until then.",
        error_messages={"invalid": "Enter a time like 08:00"},
    )

    def __init__(self, *args, kinds_rows: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.kind_codes = []
        for row in kinds_rows:
            code = row["kind"].code
            self.kind_codes.append(code)
            urgent = " We always send this straight away." if row["kind"].urgent else ""
            self.fields[f"routes_{code}"] = forms.MultipleChoiceField(
                label=f"{row['kind'].label}: how should we tell you?",
                choices=ROUTE_CHOICES,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text="You can always see it on your notifications page too." + urgent,
                initial=row["routes"],
            )
            self.fields[f"frequency_{code}"] = forms.ChoiceField(
                label=f"{row['kind'].label}: when?",
                choices=Preference.Frequency.choices,
                widget=forms.RadioSelect,
                initial=row["frequency"],
                error_messages={"required": "Choose when we should tell you"},
            )
        # Quiet hours last, after the kinds.
        self.order_fields([f for f in self.fields if f not in ("quiet_starts", "quiet_ends")])

    def choices(self) -> dict[str, dict]:
        return {
            code: {
                "routes": self.cleaned_data[f"routes_{code}"],
                "frequency": self.cleaned_data[f"frequency_{code}"],
            }
            for code in self.kind_codes
        }
