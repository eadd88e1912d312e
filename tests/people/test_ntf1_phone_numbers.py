"""NTF-1: an invalid phone number is refused when it is saved, not when a text is sent."""

import pytest
from django.core.exceptions import ValidationError

from copro.people import services
from copro.people.models import Profile
from copro.people.phones import is_uk_mobile, normalise_uk


@pytest.mark.parametrize(
    ("number", "tidy", "mobile"),
    [
        ("07700 900982", "07700900982", True),
        ("+44 7700 900982", "07700900982", True),
        ("0044 (0)7700 900982", "07700900982", True),
        ("01632 960001", "01632960001", False),
        ("+33 6 12 34 56 78", "", False),
        ("123", "", False),
        ("0770090098<script>", "", False),
    ],
)
def test_uk_numbers_are_recognised(number, tidy, mobile):
    assert normalise_uk(number) == tidy
    assert is_uk_mobile(number) is mobile


@pytest.mark.django_db
def test_ntf1_a_landline_for_texts_is_refused_beside_the_field(client, citizen_a):
    client.force_login(citizen_a)
    response = client.post(
        "/account/contact-and-needs/", {"contact_method": "text", "phone": "01632 960001"}
    )
    assert response.status_code == 200
    assert "Enter a UK mobile number, like 07700 900 982, so we can text you" in (
        response.content.decode()
    )
    assert not Profile.objects.filter(user=citizen_a, phone__startswith="01632").exists()
    client.post("/account/contact-and-needs/", {"contact_method": "text", "phone": "07700900982"})
    assert Profile.objects.get(user=citizen_a).phone == "07700 900982"


@pytest.mark.django_db
def test_ntf1_the_service_refuses_a_bad_number_too(citizen_a):
    with pytest.raises(ValidationError) as refused:
        services.communication_update(
            person=citizen_a,
            by=citizen_a,
            contact_method="phone",
            phone="not a number",
            postal_address="",
            formats=[],
            needs=[],
            access_needs_other="",
        )
    assert "phone" in refused.value.message_dict
