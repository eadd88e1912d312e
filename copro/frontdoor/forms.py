"""Forms check the shape of what was typed; the services decide."""

from django import forms

from copro.frontdoor.models import GetInvolvedRequest
from copro.people.models.profile import Profile


class GetInvolvedForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=80,
        help_text="What you would like us to call you.",
        error_messages={"required": "Enter your name"},
    )
    contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=GetInvolvedRequest.ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how we should contact you"},
    )
    email = forms.EmailField(
        label="Email address (if you chose email)",
        max_length=254,
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.com"},
    )
    phone = forms.CharField(
        label="Phone number (if you chose phone, or if you would like a call back)",
        max_length=30,
        required=False,
    )
    postal_address = forms.CharField(
        label="Address (if you chose post)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    what_i_bring = forms.CharField(
        label="What would you bring? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, your experience of using a service, things you are good at, "
        "or groups you belong to.",
    )
    areas = forms.CharField(
        label="Which services or areas do you care about? (optional)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, housing, adult social care, or buses in your area.",
    )
    access_needs = forms.CharField(
        label="Is there anything you need to take part? (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, step-free access, large print, a British Sign Language "
        "interpreter, or help with transport.",
    )
    call_back = forms.ChoiceField(
        label="Would you like us to phone you to talk about it?",
        choices=[("yes", "Yes, please phone me"), ("no", "No, thank you")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you would like a call back"},
    )
    # A field people never see or fill in: a form that arrives with it filled was sent by a
    # program (the honeypot; no CAPTCHA, which shuts out screen reader users).
    website = forms.CharField(required=False, max_length=200)

    def clean(self):
        data = super().clean()
        if data.get("call_back") == "yes" and not data.get("phone"):
            self.add_error("phone", "Enter your phone number so that we can call you back")
        return data


class CallForm(forms.Form):
    note = forms.CharField(
        label="What did you talk about?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write what you talked about"},
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="The reason, as you will give it to them",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Be kind and plain. Say what else they could do, if there is something.",
        error_messages={"required": "Write the reason you will give them"},
    )


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label="They agreed that we keep a record for them",
        required=False,
    )
    consent_how = forms.ChoiceField(
        label="How did they agree?",
        choices=[("by phone", "By phone"), ("in person", "In person"), ("by post", "By post")],
        widget=forms.RadioSelect,
        initial="by phone",
        error_messages={"required": "Choose how they agreed"},
    )


class PersonWithoutEmailForm(ConsentForm):
    display_name = forms.CharField(
        label="Their name",
        max_length=80,
        error_messages={"required": "Enter their name"},
    )
    contact_method = forms.ChoiceField(
        label="How should we contact them?",
        choices=[
            (Profile.ContactMethod.PHONE, "Phone call"),
            (Profile.ContactMethod.TEXT, "Text message"),
            (Profile.ContactMethod.POST, "Post"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how we should contact them"},
    )
    phone = forms.CharField(label="Phone number", max_length=30, required=False)
    postal_address = forms.CharField(
        label="Address", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    access_needs_other = forms.CharField(
        label="What they need to take part (optional)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = [
        "display_name",
        "contact_method",
        "phone",
        "postal_address",
        "access_needs_other",
        "consent",
        "consent_how",
    ]
