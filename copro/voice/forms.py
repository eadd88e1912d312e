from django import forms
from django.core.exceptions import ValidationError

from copro.projects.models import Contribution, Membership
from copro.voice.models import AnswerVerdict, CheckIn, OutcomeMeasure, RecordEvent

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
DATE_ERRORS = {"required": "Enter a date", "invalid": "Enter a real date, for example 27 3 2027"}


class RecordAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label="Is this right?",
        choices=[("yes", "Yes, this is right"), ("no", "No, this is not right")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes if this is right, or no if it is not"},
    )
    reason = forms.CharField(
        label="If it is not right, what happened?",
        help_text="For example: I was not at that meeting, or I did not say that.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == "no" and not data.get("reason", "").strip():
            self.add_error("reason", "Say what is not right, so the project can check it")
        return data


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(
        label="Did the answer answer your idea?",
        choices=AnswerVerdict.Verdict.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes, partly or no"},
    )
    comment = forms.CharField(
        label="Anything you want to add (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CheckInForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, question in CheckIn.QUESTIONS:
            self.fields[code] = forms.ChoiceField(
                label=question,
                choices=CheckIn.Answer.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose an answer for “{question}”"},
            )


class ResolveForm(forms.Form):
    action = forms.ChoiceField(
        label="What will you do?",
        choices=[
            (RecordEvent.Action.WITHDRAWN, "They are right: leave this record out of the evidence"),
            (RecordEvent.Action.ASKED_AGAIN, "We have checked: explain and ask them again"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you will do"},
    )
    reason = forms.CharField(
        label="Why?",
        help_text="The person and auditors will see this.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why, so the person and auditors can see it"},
    )


class OutcomeForm(forms.Form):
    aim = forms.CharField(
        label="What do you want to change?",
        help_text="For example: fewer people miss their appointments.",
        max_length=200,
        error_messages={"required": "Say what you want to change"},
    )
    measure = forms.CharField(
        label="How will you know?",
        help_text="For example: appointments missed each month.",
        max_length=200,
        error_messages={"required": "Say how you will know"},
    )


class MeasureForm(forms.Form):
    when = forms.ChoiceField(
        label="Is this before or after the change?",
        choices=OutcomeMeasure.When.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose before or after"},
    )
    value = forms.CharField(
        label="What did you find?",
        help_text="For example: 42 a month.",
        max_length=100,
        error_messages={"required": "Say what you found"},
    )
    measured_on = forms.DateField(
        label="When was it measured?", widget=DATE, error_messages=DATE_ERRORS
    )


class IdeaForSomeoneForm(forms.Form):
    """Staff type in an idea someone gave on paper, by phone or in person."""

    member = forms.ModelChoiceField(
        label="Whose idea is it?",
        queryset=Membership.objects.none(),
        error_messages={
            "required": "Choose the member",
            "invalid_choice": "Choose a member of this project",
        },
    )
    how = forms.ChoiceField(
        label="How did they tell you?",
        choices=[("on paper", "On paper"), ("by phone", "By phone"), ("in person", "In person")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how they told you"},
    )
    kind = forms.ChoiceField(
        label="What is it?",
        choices=Contribution.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what it is"},
    )
    text = forms.CharField(
        label="What they said",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write down what they said"},
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Membership.objects.filter(
            project=project, left_on__isnull=True
        ).select_related("user")
        self.fields["member"].label_from_instance = lambda m: m.user.display_name

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError("Write down what they said")
        return text
