from django import forms

from copro.safeguarding.models import Concern


class ConcernForm(forms.Form):
    about = forms.CharField(
        label="Who are you worried about?",
        help_text="Their name, or how you know them. You can leave this empty if you do not know.",
        max_length=200,
        required=False,
    )
    what = forms.CharField(
        label="What worries you?",
        help_text="Say what you saw or heard, and when. Only the council's safeguarding team "
        "will read this.",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "Tell us what worries you"},
    )


class ActionForm(forms.Form):
    text = forms.CharField(
        label="What did you do?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what was done"},
    )
    status = forms.ChoiceField(
        label="Where do things stand now?",
        choices=Concern.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where things stand"},
    )
