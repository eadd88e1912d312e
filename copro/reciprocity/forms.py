"""Forms check shape only; the services decide (STYLE.md). Money is typed in pounds and becomes
whole pence here; nothing passes through a float."""

import uuid

from django import forms
from django.core.exceptions import ValidationError

from copro.reciprocity import receipts
from copro.reciprocity.models import (
    ActivityType,
    Expense,
    Rate,
    Recognition,
    ThanksChoice,
)
from copro.reciprocity.money import MAX_PENCE, parse_pounds, pounds_plain

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
DATE_ERRORS = {"required": "Enter a date", "invalid": "Enter a real date, for example 27 3 2027"}


def new_key() -> str:
    """A request reference made when the form is shown: sending the same form twice (a double
    click, the back button) then counts once (LED-5)."""
    return uuid.uuid4().hex


class PoundsField(forms.CharField):
    """An amount of money typed as pounds ("12.50"), cleaned to whole pence."""

    def __init__(self, *args, allow_zero=False, **kwargs):
        self.allow_zero = allow_zero
        kwargs.setdefault("max_length", 15)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "size": "10"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return pounds_plain(value) if type(value) is int else value

    def clean(self, value):
        text = super().clean(value)
        if text in self.empty_values:
            return None
        try:
            pence = parse_pounds(text)
        except ValueError:
            raise ValidationError("Enter an amount in pounds and pence, like 12.50") from None
        if pence > MAX_PENCE or (pence == 0 and not self.allow_zero):
            raise ValidationError("Enter an amount more than £0 and no more than £100,000")
        return pence


class KeyField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, max_length=100, **kwargs)


class PreferenceForm(forms.Form):
    choice = forms.ChoiceField(
        label="How would you like to be thanked for your time?",
        choices=ThanksChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you would like to be thanked"},
    )


class SpendForm(forms.Form):
    key = KeyField()


class ExpenseForm(forms.Form):
    key = KeyField(required=False)  # made when the form is shown: a double click sends one
    kind = forms.ChoiceField(
        label="What was the cost for?",
        choices=Expense.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the cost was for"},
    )
    description = forms.CharField(
        label="Tell us about it",
        max_length=300,
        help_text="For example, the bus from Witney to the meeting and back.",
        error_messages={"required": "Tell us about the cost"},
    )
    amount = PoundsField(
        label="How much did it cost?",
        help_text="In pounds, for example 4.80",
        error_messages={"required": "Enter how much it cost"},
    )
    incurred_on = forms.DateField(label="When was it?", widget=DATE, error_messages=DATE_ERRORS)
    receipt = forms.FileField(
        label="Upload your receipt or ticket (optional)",
        required=False,
        help_text="A PDF, or a photo or picture of it (JPEG or PNG).",
        error_messages={"empty": receipts.EMPTY},
    )

    def __init__(self, *args, too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_big = too_big
        self.fields[
            "receipt"
        ].help_text += f" It must be smaller than {receipts.max_megabytes()} MB."

    def clean(self):
        if self.too_big:  # dropped while it arrived (FILE-1): say so beside the field
            self.errors.pop("receipt", None)
            self.add_error("receipt", receipts.too_big_message())
        return super().clean()

    def clean_receipt(self):
        upload = self.cleaned_data.get("receipt")
        if not upload:
            return None
        return receipts.check_receipt(upload.read(), upload.name or "")


class RewardConfirmForm(forms.Form):
    given_as = forms.ChoiceField(
        label="What will they get?",
        choices=ThanksChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what they will get"},
    )
    pay = PoundsField(
        label="Amount of money (for payment or vouchers)",
        required=False,
        help_text="Leave it as proposed unless you have a reason to change it.",
    )
    credits = forms.IntegerField(
        label="Number of time credits (for time credits)",
        required=False,
        min_value=1,
        max_value=100_000,
        error_messages={"invalid": "Enter a whole number of time credits"},
    )
    reason = forms.CharField(
        label="Why is it different? (only if you changed it)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The person can see this reason.",
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Why?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The person can see this reason.",
        error_messages={"required": "Give the reason"},
    )


class PaidForm(forms.Form):
    paid_on = forms.DateField(label="Date paid", widget=DATE, error_messages=DATE_ERRORS)


class ActivityTypeForm(forms.Form):
    name = forms.CharField(
        label="Name of the activity",
        max_length=100,
        help_text="For example, leading a session.",
        error_messages={"required": "Enter the name of the activity"},
    )
    description = forms.CharField(label="Description (optional)", max_length=300, required=False)


class RateForm(forms.Form):
    activity_type = forms.ModelChoiceField(
        label="Activity",
        queryset=ActivityType.objects.filter(is_active=True),
        empty_label=None,
        error_messages={"invalid_choice": "Choose an activity from the list"},
    )
    effective_from = forms.DateField(
        label="Starts on",
        widget=DATE,
        help_text="Today or later. Rewards already proposed keep the rate they were given.",
        error_messages=DATE_ERRORS,
    )
    pay_basis = forms.ChoiceField(
        label="How is payment counted?",
        choices=Rate.PayBasis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how payment is counted"},
    )
    pay = PoundsField(
        label="Payment",
        allow_zero=True,
        help_text="In pounds. Enter 0 if there is no payment for this activity.",
        error_messages={"required": "Enter the payment, or 0"},
    )
    credits_per_hour = forms.IntegerField(
        label="Time credits for each hour",
        min_value=0,
        max_value=100,
        error_messages={
            "required": "Enter the time credits for each hour, or 0",
            "invalid": "Enter a whole number",
        },
    )
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)


class RecognitionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is it?",
        choices=Recognition.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what it is"},
    )
    title = forms.CharField(
        label="Title",
        max_length=150,
        help_text="For example, certificate for two years on the Advisory Board.",
        error_messages={"required": "Enter a title"},
    )
    description = forms.CharField(
        label="More detail (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    given_on = forms.DateField(label="Date given", widget=DATE, error_messages=DATE_ERRORS)


class IssueCreditsForm(forms.Form):
    key = KeyField()
    amount = forms.IntegerField(
        label="How many time credits?",
        min_value=1,
        max_value=100_000,
        error_messages={
            "required": "Enter a number of time credits",
            "invalid": "Enter a whole number of time credits",
            "min_value": "Enter a number of time credits more than 0",
        },
    )
    memo = forms.CharField(
        label="What are they for?",
        max_length=200,
        help_text="The person sees this on their statement.",
        error_messages={"required": "Say what the credits are for"},
    )


class ReverseForm(forms.Form):
    key = KeyField()
    reason = forms.CharField(
        label="Why is this being corrected?",
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The people whose credits change can see this reason.",
        error_messages={"required": "Say why this is being corrected"},
    )


class ExpenseDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve it"), ("reject", "Do not approve it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose your decision"},
    )
    reason = forms.CharField(
        label="Reason (needed if you do not approve it)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
