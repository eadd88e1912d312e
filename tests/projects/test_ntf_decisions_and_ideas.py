"""NTF-1 for projects: a new decision tells every member but the one who proposed it; an answer
to an idea tells the person who raised it once (its own e-mail is the projects app's)."""

import pytest
from django.core import mail

from copro.notifications.models import Delivery, Notification
from copro.projects import services
from tests.projects.world import make_world


@pytest.mark.django_db
def test_ntf1_a_new_decision_tells_each_member_but_the_proposer():
    world = make_world()
    decision = services.decision_propose(
        project=world.project_a,
        title="Where to meet",
        proposal="Meet at the library.",
        method="consent",
        options=[],
        review_on=None,
        by=world.lead_a,
    )
    told = Notification.objects.filter(event_key=f"decision:{decision.pk}:opened")
    assert [n.recipient for n in told] == [world.citizen_a]
    assert told[0].url == f"/projects/{world.project_a.pk}/decisions/{decision.pk}/"


@pytest.mark.django_db
def test_ntf1_an_answered_idea_is_emailed_once_and_kept_in_the_history(
    django_capture_on_commit_callbacks,
):
    world = make_world()
    member = world.project_a.memberships.get(user=world.citizen_a)
    idea = services.contribution_raise(
        project=world.project_a,
        member=member,
        kind="idea",
        text="Open on Sundays",
        by=world.citizen_a,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_respond(
            contribution=idea, status="adopted", response="We will.", by=world.lead_a
        )
    assert len([m for m in mail.outbox if m.to == [world.citizen_a.email]]) == 1
    (notification,) = Notification.objects.filter(kind="idea_answered")
    assert notification.recipient == world.citizen_a
    assert Delivery.objects.get(notification=notification, channel="email").state == "sent"
