from django import forms
from django.core.exceptions import ValidationError

from copro.people.models.profile import (
    WEEKDAYS,
    AccessNeed,
    FormatNeed,
    PartOfDay,
    Profile,
)
from copro.people.names import ROLE_NAME, imitates_a_role
from copro.people.phones import validate_uk_phone
from copro.writing.widgets import PlainEnglishTextarea


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label="Name to show",
        max_length=80,
        help_text="Other people see this. It can be your first name or a nickname.",
        error_messages={"required": "Enter the name to show"},
    )
    pronouns = forms.CharField(
        label="Pronouns (optional)",
        max_length=40,
        required=False,
        help_text="For example, she/her, he/him or they/them.",
    )
    takes_part_as = forms.ChoiceField(
        label="How do you take part?",
        choices=Profile.TakesPartAs.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you take part"},
    )
    area_i_work_in = forms.CharField(
        label="The area you work in (optional)",
        max_length=120,
        required=False,
        help_text="For example, adult social care or housing. Please do not give a job title: "
        "here everyone takes part as an equal.",
    )
    bring_tags = forms.MultipleChoiceField(
        label="What do you bring? (optional)",
        choices=Profile.Bring.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    what_i_bring = forms.CharField(
        label="Tell people more about what you bring (optional)",
        max_length=2000,
        required=False,
        widget=PlainEnglishTextarea(attrs={"rows": 5}),
        help_text="For example, what you know from using a service, things you are good at, "
        "or groups you belong to.",
    )
    share_pronouns = forms.BooleanField(label="Show my pronouns to other members", required=False)
    share_area_i_work_in = forms.BooleanField(
        label="Show the area I work in to other members", required=False
    )
    share_what_i_bring = forms.BooleanField(
        label="Show what I bring to other members", required=False
    )

    def clean_display_name(self):
        name = "".join(ch for ch in self.cleaned_data["display_name"] if ch.isprintable()).strip()
        if not name:
            raise ValidationError("Enter the name to show")
        if imitates_a_role(name):
            raise ValidationError(ROLE_NAME)
        return name


class CommunicationForm(forms.Form):
    contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=Profile.ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how we should contact you"},
    )
    phone = forms.CharField(
        label="Phone number (optional)",
        max_length=30,
        required=False,
        help_text="We need this if you would like phone calls or text messages.",
    )
    postal_address = forms.CharField(
        label="Postal address (optional)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="We need this if you would like letters.",
    )
    formats = forms.MultipleChoiceField(
        label="Which formats do you need information in? (optional)",
        choices=FormatNeed.Format.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs = forms.MultipleChoiceField(
        label="What do you need to take part in meetings? (optional)",
        choices=AccessNeed.Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="We use this to arrange each meeting before you arrive.",
    )
    access_needs_other = forms.CharField(
        label="Anything else we should know to make taking part easier? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        needs_phone = method in (Profile.ContactMethod.PHONE, Profile.ContactMethod.TEXT)
        if needs_phone and not cleaned.get("phone", "").strip():
            self.add_error("phone", "Enter a phone number, so we can call or text you")
        elif cleaned.get("phone", "").strip():
            try:
                cleaned["phone"] = validate_uk_phone(
                    cleaned["phone"], mobile=method == Profile.ContactMethod.TEXT
                )
            except ValidationError as error:
                self.add_error("phone", error)
        if method == Profile.ContactMethod.POST and not cleaned.get("postal_address", "").strip():
            self.add_error("postal_address", "Enter a postal address, so we can write to you")
        return cleaned


class AvailabilityForm(forms.Form):
    """A checkbox for each part of each weekday, drawn as a grid (rows are days)."""

    template_name = "people/forms/availability.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for day, day_name in enumerate(WEEKDAYS):
            for part, part_name in PartOfDay.choices:
                self.fields[f"slot_{day}_{part}"] = forms.BooleanField(
                    label=f"{day_name} {part_name.lower()}", required=False
                )

    def rows(self):
        for day, day_name in enumerate(WEEKDAYS):
            yield day_name, [self[f"slot_{day}_{part}"] for part, _ in PartOfDay.choices]

    def parts(self):
        return [name for _, name in PartOfDay.choices]

    def chosen_slots(self) -> set[tuple[int, str]]:
        return {
            (day, part)
            for day in range(7)
            for part, _ in PartOfDay.choices
            if self.cleaned_data.get(f"slot_{day}_{part}")
        }

    @classmethod
    def initial_for(cls, slots) -> dict:
        return {f"slot_{s.weekday}_{s.part_of_day}": True for s in slots}


class UnavailableDateForm(forms.Form):
    date = forms.DateField(
        label="A date you cannot come",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={
            "required": "Enter a date",
            "invalid": "Enter a real date, for example 27 3 2027",
        },
    )


class SupporterForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        help_text="They need an account here already.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    relationship = forms.CharField(
        label="Who are they to you? (optional)",
        max_length=80,
        required=False,
        help_text="For example, my daughter, my carer or my advocate.",
    )
    consent = forms.BooleanField(
        label="I agree that this person can act for me here. I can change my mind at any time.",
        error_messages={"required": "Tick the box to say you agree"},
    )
