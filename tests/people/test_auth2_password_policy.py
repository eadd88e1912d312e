"""AUTH-2: common passwords refused beside the field; long and Unicode passwords work exactly."""

import gzip
from pathlib import Path

import django.contrib.auth.password_validation as pv
import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from copro.people.models import User

with gzip.open(Path(pv.__file__).parent / "common-passwords.txt.gz", "rt") as _file:
    COMMON = _file.read().split()


def set_password_form(user, new):
    from django.contrib.auth.forms import SetPasswordForm

    return SetPasswordForm(user, {"new_password1": new, "new_password2": new})


@pytest.mark.django_db
@given(st.sampled_from([p for p in COMMON if len(p) >= 8]))
def test_auth2_common_passwords_are_refused_with_a_message(common):
    user = User(email="x@example.org", display_name="X")
    form = set_password_form(user, common)
    assert not form.is_valid()
    assert form.errors["new_password2"]


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
@pytest.mark.parametrize("length", [64, 128])
def test_auth2_long_passwords_are_kept_whole(length):
    password = ("a long passphrase " * 10)[: length - 1] + "Z"
    user = User.objects.create_user("long@example.org", password, display_name="L")
    user.refresh_from_db()
    assert user.password.startswith("argon2")
    assert user.check_password(password)
    assert not user.check_password(password[:-1])


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
@given(st.text(min_size=12, max_size=40).filter(lambda s: len(set(s)) > 6 and s.strip() == s))
def test_auth2_any_unicode_password_verifies_exactly(secret):
    user = User(email="u@example.org", display_name="U")
    user.set_password(secret)
    assert user.check_password(secret)
    assert not user.check_password(secret + "x")


def test_auth2_no_composition_rules():
    names = {
        v["NAME"].rsplit(".", 1)[-1]
        for v in __import__("django.conf").conf.settings.AUTH_PASSWORD_VALIDATORS
    }
    assert names <= {
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    }
