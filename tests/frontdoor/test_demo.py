"""`copro demo` shows the way in working: people asking to get involved, a person without
email kept by staff, and a request to join a project - once."""

import pytest
from django.core.management import call_command

from copro.frontdoor.models import GetInvolvedRequest
from copro.people.models import User
from copro.projects.models import JoinRequest


def counts():
    return (
        GetInvolvedRequest.objects.count(),
        JoinRequest.objects.count(),
        User.objects.filter(email__isnull=True).count(),
    )


@pytest.mark.django_db
def test_demo_way_in_is_built_once(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    first = counts()
    call_command("demo")
    assert counts() == first
    assert first[0] == 3
    assert first[1] == 1
    bill = User.objects.get(display_name="Bill", email__isnull=True)
    assert bill.profile.staff_contact.email == "sam.staff@demo.example"
    assert JoinRequest.objects.get().person.email == "asha.citizen@demo.example"
