"""`copro demo` builds clinics past and to come with bookings for Dev (the demo ambassador)
and Asha (the demo citizen), and two published case studies, once."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from copro.community.models import CaseStudy, ClinicBooking, ClinicSlot


def counts():
    return ClinicSlot.objects.count(), ClinicBooking.objects.count(), CaseStudy.objects.count()


@pytest.mark.django_db
def test_demo_clinics_and_case_studies_are_built_once(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    first = counts()
    call_command("demo")
    assert counts() == first
    today = timezone.localdate()
    dev_slots = ClinicSlot.objects.filter(host__email="dev@demo.example")
    assert dev_slots.filter(date__lt=today).exists() and dev_slots.filter(date__gt=today).exists()
    asha = ClinicBooking.objects.filter(person__email="asha.citizen@demo.example")
    assert asha.filter(slot__date__lt=today).exists()
    assert asha.filter(slot__date__gt=today).exists()
    assert CaseStudy.objects.filter(status="published").count() == 2
    assert all(c.project.visibility == "public" for c in CaseStudy.objects.all())
