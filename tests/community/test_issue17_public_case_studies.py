"""Issue 17: published case studies are for everyone - the public without signing in,
ambassadors and the Advisory Board (who had a 403) - while drafts stay with their writers."""

import pytest
from django.urls import reverse

from tests.community.world import join
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_az11_a_resident_reads_a_published_case_study_without_signing_in(client, world):
    listing = client.get(reverse("community:case_studies"))
    assert listing.status_code == 200 and "Short breaks" in listing.text
    assert "Library hours" not in listing.text  # the draft
    page = client.get(reverse("community:case_study", kwargs={"pk": world.case_study.pk}))
    assert page.status_code == 200 and "We met first." in page.text


def test_az11_a_draft_asks_the_public_to_sign_in_like_a_missing_one(client, world):
    draft = client.get(reverse("community:case_study", kwargs={"pk": world.draft.pk}))
    missing = client.get(reverse("community:case_study", kwargs={"pk": 999999}))
    assert draft.status_code == missing.status_code == 302
    assert "/account/sign-in/" in draft["Location"]


@pytest.mark.parametrize("group", ["ambassadors-network", "advisory-board"])
def test_az5_ambassadors_and_the_board_read_case_studies(client, world, group):
    person = UserFactory(display_name="Rae")
    from copro.framework.models import NetworkGroup

    NetworkGroup.objects.get_or_create(slug=group, defaults={"name": group, "order": 9})
    client.force_login(join(person, group))
    assert client.get(reverse("community:case_studies")).status_code == 200
    page = client.get(reverse("community:case_study", kwargs={"pk": world.case_study.pk}))
    assert page.status_code == 200
    assert (
        client.get(reverse("community:case_study", kwargs={"pk": world.draft.pk})).status_code
        == 404
    )
