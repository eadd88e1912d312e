"""LOG-5 style: every confirmation, contest and correction is a new history entry saying who,
when, what and why; the entries cannot be changed or deleted, and the old ones stay visible to
auditors after a correction."""

import pytest
from django.core.exceptions import ValidationError

from copro.core.provenance import Confirmation, counted_q
from copro.notifications.models import Notification
from copro.projects.models import Contribution, Position
from copro.voice import permissions as perms
from copro.voice import services
from copro.voice.models import RecordEvent
from tests.voice.factories import sign_in, voice_world

pytestmark = pytest.mark.django_db


def _item(world, kind, record):
    return perms.record_get_for_person(viewer=world.citizen, kind=kind, pk=record.pk)


def test_log5_a_correction_is_a_new_entry_and_the_old_one_stays(client):
    world = voice_world()
    item = _item(world, "position", world.position)
    services.record_contest(item=item, reason="I said I disagree", by=world.citizen)
    # The lead is told (without the reason: it may be personal) where to look.
    told = Notification.objects.get(recipient=world.lead, kind="voice_contested")
    assert told.url == f"/voice/projects/{world.project.pk}/records/"
    assert "I said I disagree" not in told.body
    contested = perms.contested_get_for_auditor(
        project=world.project, kind="position", pk=world.position.pk
    )
    services.record_resolve(
        item=contested, action="asked_again", reason="The phone notes say agree", by=world.lead
    )
    events = list(RecordEvent.objects.order_by("pk"))
    assert [(e.action, e.by, e.reason) for e in events] == [
        ("contested", world.citizen, "I said I disagree"),
        ("asked_again", world.lead, "The phone notes say agree"),
    ]
    assert all(e.at is not None and "Where to meet" in e.summary for e in events)
    world.position.refresh_from_db()
    assert world.position.confirmation == Confirmation.AWAITING
    # The auditor's page shows both entries, the contest reason included.
    sign_in(client, world.lead)
    page = client.get(f"/voice/projects/{world.project.pk}/records/").content.decode()
    assert "I said I disagree" in page and "The phone notes say agree" in page


def test_log5_history_entries_cannot_be_changed_or_deleted():
    world = voice_world()
    event = services.record_confirm(item=_item(world, "idea", world.idea), by=world.citizen)
    event.reason = "rewritten"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    assert RecordEvent.objects.get().reason == ""


def test_log5_contested_records_never_count_and_confirmed_ones_do():
    world = voice_world()
    assert not Position.objects.filter(counted_q(), pk=world.position.pk).exists()
    services.record_confirm(item=_item(world, "position", world.position), by=world.citizen)
    assert Position.objects.filter(counted_q(), pk=world.position.pk).exists()
    services.record_contest(
        item=_item(world, "idea", world.idea), reason="Not my idea", by=world.citizen
    )
    assert not Contribution.objects.filter(counted_q(), pk=world.idea.pk).exists()


def test_log5_a_withdrawn_record_leaves_the_list_but_stays_in_the_history(client):
    world = voice_world()
    services.record_contest(
        item=_item(world, "attendance", world.attendance), reason="I was ill", by=world.citizen
    )
    sign_in(client, world.lead)
    url = f"/voice/projects/{world.project.pk}/records/attendance/{world.attendance.pk}/resolve/"
    refused = client.post(url, {"action": "withdrawn", "reason": ""})
    assert refused.status_code == 200 and "Say why" in refused.content.decode()
    assert RecordEvent.objects.count() == 1  # nothing half-saved
    client.post(url, {"action": "withdrawn", "reason": "The register was wrong"})
    page = client.get(f"/voice/projects/{world.project.pk}/records/").content.decode()
    assert "Left out of the evidence after checking" in page
    assert "I was ill" in page and "The register was wrong" in page
    world.attendance.refresh_from_db()
    assert world.attendance.confirmation == Confirmation.CONTESTED
    with pytest.raises(ValidationError):
        services.record_resolve(
            item=perms.contested_get_for_auditor(
                project=world.project, kind="attendance", pk=world.attendance.pk
            ),
            action="asked_again",
            reason="again",
            by=world.lead,
        )
