"""Item 7 of issue 15: every entry path records how and when, and what needs the person's word."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from copro.core.provenance import Confirmation, EntryMethod
from copro.projects import services as project_services
from tests.people.factories import UserFactory
from tests.voice.factories import sign_in, voice_world

pytestmark = pytest.mark.django_db


def test_records_entered_for_someone_or_late_wait_for_them():
    world = voice_world()
    assert world.membership.recorded_late and world.membership.entry_method == "organiser"
    assert world.position.entry_method == EntryMethod.PHONE
    assert world.idea.entry_method == EntryMethod.PAPER and world.idea.entered_by == world.lead
    assert world.attendance.recorded_late
    for record in (world.membership, world.position, world.idea, world.attendance):
        assert record.confirmation == Confirmation.AWAITING


def test_what_people_enter_themselves_on_time_needs_no_confirmation():
    world = voice_world()
    own = project_services.position_record(
        decision=world.decision, member=world.membership, by=world.citizen, stance="agree"
    )
    assert own.entry_method == EntryMethod.SELF and own.confirmation == Confirmation.NOT_ASKED
    on_time = project_services.member_add(
        project=world.project,
        user=UserFactory(),
        kind="experience",
        role="member",
        joined_on=timezone.localdate(),
        by=world.lead,
    )
    assert not on_time.recorded_late and on_time.confirmation == Confirmation.NOT_ASKED


def test_a_membership_just_inside_the_late_limit_is_not_late(settings):
    settings.EVIDENCE_LATE_DAYS = 14
    world = voice_world()
    with time_machine.travel(datetime.datetime(2027, 3, 15, 12, tzinfo=datetime.UTC)):

        def add(days):
            return project_services.member_add(
                project=world.project,
                user=UserFactory(),
                kind="experience",
                role="member",
                joined_on=datetime.date(2027, 3, 15) - datetime.timedelta(days=days),
                by=world.lead,
            )

        assert not add(14).recorded_late
        assert add(15).recorded_late


def test_an_idea_typed_in_for_someone_must_say_how_they_told_you():
    world = voice_world()
    with pytest.raises(ValidationError):
        project_services.contribution_raise(
            project=world.project, member=world.membership, kind="idea", text="x", by=world.lead
        )


def test_staff_record_an_idea_for_someone_and_it_is_marked_so(client):
    world = voice_world()
    sign_in(client, world.lead)
    url = f"/voice/projects/{world.project.pk}/ideas/for-someone/"
    refused = client.post(url, {"member": world.membership.pk, "kind": "idea", "text": "More"})
    assert "Choose how they told you" in refused.content.decode()
    response = client.post(
        url, {"member": world.membership.pk, "how": "by phone", "kind": "idea", "text": "Benches"}
    )
    assert response.status_code == 302
    page = client.get(f"/projects/{world.project.pk}/you-said-we-did/").content.decode()
    assert "Entered for them by Lee (lead): for them, from what they said on the phone" in page
