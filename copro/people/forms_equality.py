"""Forms for equality monitoring. They check shape only; copro.people.equality decides."""

from django import forms

from copro.people.equality import QUESTIONS
from copro.people.models.equality import ANSWER_CHOICES, Circumstance
from copro.people.reference import MAX_BYTES

# The chosen value is never repeated back in an error message (PRIV-4).
_INVALID = {"invalid_choice": "Choose one of the options, or leave this question"}

HINTS = {
    "sex": "A question about gender identity comes next.",
    "disability": "This means you have a physical or mental health condition or illness that "
    "has lasted, or is expected to last, 12 months or more, and it makes day-to-day "
    "activities harder, a little or a lot.",
    "unpaid_carer": "Do not count anything you do as part of paid work.",
}


def _question(name: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=f"{QUESTIONS[name]} (optional)",
        choices=ANSWER_CHOICES[name].choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=HINTS.get(name, ""),
        error_messages=_INVALID,
    )


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label="I agree that the council may keep my answers to these questions, to check "
        "whether the people taking part reflect the people who live here",
        help_text="You can change your mind at any time. If you do, we delete your answers.",
        error_messages={
            "required": "Tick the box to say you agree, or go back to your account if you "
            "would rather not answer"
        },
    )


class EqualityAnswersForm(forms.Form):
    age_band = _question("age_band")
    sex = _question("sex")
    gender_identity = _question("gender_identity")
    sexual_orientation = _question("sexual_orientation")
    ethnic_group = _question("ethnic_group")
    religion = _question("religion")
    disability = _question("disability")
    unpaid_carer = _question("unpaid_carer")
    circumstances = forms.MultipleChoiceField(
        label=f"{QUESTIONS['circumstances']} (optional)",
        choices=Circumstance.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick all that apply. These are groups that are often left out, and we want "
        "to reach them. 'In prison' counts as information about criminal offences, which the "
        "law protects carefully: like your other answers, only you can see it.",
        error_messages={"invalid_choice": "Choose from the list, or leave this question"},
        # Drawn as GOV.UK checkboxes here: the shared field template would draw radios.
        template_name="people/equality/checkboxes_field.html",
    )


class ReferenceUploadForm(forms.Form):
    file = forms.FileField(
        label="Reference population file (CSV)",
        help_text="A CSV file of 1 MB or less, with the columns category, group, percent, base "
        "and source. It replaces all the figures shown below.",
        error_messages={
            "required": "Choose a CSV file to upload",
            "empty": "The file is empty",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refused before it is read: the size is known from the upload itself (FILE-1).
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The file must be 1 MB or smaller")
        return upload
