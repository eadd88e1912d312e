"""Forms for invitations, sign-in links and two-step sign-in. They check the shape of what was
typed; the services in copro.people.signin and copro.people.mfa decide."""

from django import forms
from django.core.exceptions import ValidationError

from copro.people.models import User
from copro.people.names import ROLE_NAME, imitates_a_role

EMAIL_ERRORS = {
    "required": "Enter an email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
}


def _email_field(label: str = "Email address") -> forms.EmailField:
    return forms.EmailField(
        label=label,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages=EMAIL_ERRORS,
    )


class InviteForm(forms.Form):
    email = _email_field()
    display_name = forms.CharField(
        label="Their name",
        max_length=80,
        help_text="How they would like to be called. They can change it when they accept.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Enter their name"},
    )
    role = forms.ChoiceField(
        label="What will they do here?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what they will do here",
            "invalid_choice": "Choose what they will do here",
        },
    )

    ROLE_LABELS = {
        User.Role.CITIZEN: "Take part as a citizen",
        User.Role.STAFF: "Work here as a member of staff",
        User.Role.ADMINISTRATOR: "Run the service as an administrator",
    }

    def clean_display_name(self):
        name = self.cleaned_data["display_name"]
        if imitates_a_role(name):
            raise ValidationError(ROLE_NAME)
        return name

    def __init__(self, *args, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role, self.ROLE_LABELS[role]) for role in roles]
        if len(roles) == 1:
            self.fields["role"].initial = roles[0]


class InvitationAcceptForm(forms.Form):
    PASSWORD = "password"  # noqa: S105  (a choice value, not a password)
    LINK = "link"

    display_name = forms.CharField(
        label="Name to show",
        max_length=80,
        help_text="Other people see this. It can be your first name or a nickname.",
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "spellcheck": "false"}),
        error_messages={"required": "Enter the name to show"},
    )

    def clean_display_name(self):
        name = self.cleaned_data["display_name"]
        if imitates_a_role(name):
            raise ValidationError(ROLE_NAME)
        return name

    sign_in_with = forms.ChoiceField(
        label="How do you want to sign in?",
        choices=[
            (PASSWORD, "With a password"),
            (LINK, "With a link sent to my email each time"),
        ],
        widget=forms.RadioSelect,
        help_text="With a link, you do not need to remember a password. Each time you sign in, "
        "we email you a link that works once, for 10 minutes.",
        error_messages={
            "required": "Choose how you want to sign in",
            "invalid_choice": "Choose how you want to sign in",
        },
    )
    password1 = forms.CharField(
        label="Create a password",
        required=False,
        strip=False,
        help_text="At least 8 characters. A few words you will remember is a good choice.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Type the password again",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, allow_link: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.allow_link = allow_link
        if not allow_link:
            # Staff and administrators sign in with a password and a second step.
            self.fields["sign_in_with"].choices = [(self.PASSWORD, "With a password")]
            self.fields["sign_in_with"].initial = self.PASSWORD

    def clean(self):
        data = super().clean()
        if data.get("sign_in_with") != self.PASSWORD:
            return data
        first, second = data.get("password1"), data.get("password2")
        if not first:
            self.add_error("password1", "Create a password")
        elif not second:
            self.add_error("password2", "Type the password again")
        elif first != second:
            self.add_error("password2", "The two passwords are not the same")
        return data

    def password_or_none(self) -> str | None:
        if self.cleaned_data["sign_in_with"] == self.PASSWORD:
            return self.cleaned_data["password1"]
        return None


class SignInLinkRequestForm(forms.Form):
    email = _email_field()


class CodeForm(forms.Form):
    """A six-digit code from an authenticator app, or (on the sign-in step) a recovery code."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
        error_messages={"required": "Enter the code"},
    )

    def __init__(self, *args, label: str, help_text: str, numeric: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = label
        self.fields["code"].help_text = help_text
        if numeric:
            # A number keypad on phones; not where a recovery code (letters) may be typed.
            self.fields["code"].widget.attrs["inputmode"] = "numeric"
