from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm


class SignInForm(AuthenticationForm):
    """Email and password. A failure never says whether the email is known (AUTH-11)."""

    username = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    error_messages = {
        "invalid_login": (
            "The email address or password is not right. Check them and try again, "
            "or reset your password."
        ),
        "inactive": (
            "The email address or password is not right. Check them and try again, "
            "or reset your password."
        ),
    }


class ResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
