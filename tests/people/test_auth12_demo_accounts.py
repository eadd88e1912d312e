"""AUTH-12: no demo accounts on a real service; demo passwords are random per installation."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from copro.people.models import User


@pytest.mark.django_db
@override_settings(ALLOW_DEMO_DATA=False)
def test_auth12_demo_refuses_without_the_demo_flag():
    with pytest.raises(CommandError, match="Demo data is switched off"):
        call_command("demo")
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_auth12_demo_passwords_are_random_and_not_in_the_code(settings, tmp_path, capsys):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    call_command("demo")  # idempotent
    can_sign_in = [
        u for u in User.objects.filter(email__endswith="@demo.example") if u.has_usable_password()
    ]
    assert len(can_sign_in) == 3  # the printed ones; the rest of the cast cannot sign in
    lines = (tmp_path / "demo-sign-ins.txt").read_text().split()
    passwords = lines[1::2]
    source = Path("copro/people/demo.py").read_text()
    assert all(len(p) >= 16 and p not in source for p in passwords)
    citizen = User.objects.get(email="asha.citizen@demo.example")
    assert citizen.check_password(passwords[lines.index("asha.citizen@demo.example") // 2])


@pytest.mark.django_db
def test_auth12_a_demo_member_of_staff_can_pass_the_second_step_with_demo_code(
    client, settings, tmp_path, capsys
):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    lines = (tmp_path / "demo-sign-ins.txt").read_text().split()
    password = lines[lines.index("sam.staff@demo.example") + 1]
    client.post("/account/sign-in/", {"username": "sam.staff@demo.example", "password": password})
    assert client.get("/account/")["Location"].startswith("/account/two-step/")
    capsys.readouterr()
    call_command("demo_code", "sam.staff@demo.example")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()
    response = client.post("/account/two-step/", {"code": code, "next": "/account/"})
    assert response["Location"] == "/account/"


@pytest.mark.django_db
def test_auth12_demo_code_is_refused_for_real_accounts_and_real_services(settings, staff_a):
    settings.ALLOW_DEMO_DATA = True
    with pytest.raises(CommandError, match="not one of the demo accounts"):
        call_command("demo_code", staff_a.email)
    settings.ALLOW_DEMO_DATA = False
    with pytest.raises(CommandError, match="switched off"):
        call_command("demo_code", "sam.staff@demo.example")
