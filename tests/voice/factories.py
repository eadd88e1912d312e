"""A small world for the members' own word, built through the services as real users would:
a lead, a citizen with records entered for them (late, by phone, on paper), and their supporter.

    w = voice_world()
    w.membership  # the citizen's membership, recorded late: waiting for them
    w.position    # their view, entered by phone: waiting
    w.idea        # an idea entered for them on paper: waiting
    w.attendance  # a meeting marked attended a month later: waiting
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from copro.core.provenance import EntryMethod, provenance_values
from copro.meetings.models import Attendance, Meeting
from copro.people.models import Supporter
from copro.projects import services as project_services
from tests.people.factories import UserFactory


def voice_world(*, citizen=None, lead=None) -> SimpleNamespace:
    lead = lead or UserFactory(display_name="Lee (lead)", role="staff")
    citizen = citizen or UserFactory(display_name="Asha")
    project = project_services.project_start(
        title="Better buses",
        summary="Buses people can use.",
        service_area="",
        visibility="members",
        by=lead,
    )
    today = timezone.localdate()
    membership = project_services.member_add(
        project=project,
        user=citizen,
        kind="experience",
        role="member",
        joined_on=today - datetime.timedelta(days=60),
        by=lead,
    )
    decision = project_services.decision_propose(
        project=project,
        title="Where to meet",
        proposal="The library.",
        method="consent",
        options=[],
        review_on=None,
        by=lead,
    )
    position = project_services.position_record(
        decision=decision, member=membership, by=lead, stance="agree", how="by phone"
    )
    idea = project_services.contribution_raise(
        project=project, member=membership, kind="idea", text="Later buses", by=lead, how="on paper"
    )
    meeting = Meeting.objects.create(
        project=project,
        title="First meeting",
        starts_at=timezone.now() - datetime.timedelta(days=40),
        duration_minutes=60,
        purpose="co-produce",
        format="online",
        online_link="https://meet.example.org/x",
    )
    attendance = Attendance.objects.create(
        meeting=meeting,
        user=citizen,
        status="attended",
        kind="experience",
        recorded_by=lead,
        **provenance_values(entry_method=EntryMethod.ORGANISER, about=meeting.starts_at),
    )
    return SimpleNamespace(
        lead=lead,
        citizen=citizen,
        project=project,
        membership=membership,
        decision=decision,
        position=position,
        idea=idea,
        meeting=meeting,
        attendance=attendance,
    )


def supporter_of(person, *, revoked=False):
    helper = UserFactory(display_name="Hal (helps)")
    Supporter.objects.create(
        person=person,
        supporter=helper,
        relationship="son",
        revoked_at=timezone.now() if revoked else None,
    )
    return helper


def sign_in(client, user) -> None:
    """Signed in, with the second step done for those who need it (staff, administrators)."""
    from tests.people.mfa_helpers import verify_second_factor

    client.force_login(user)
    if user.needs_second_factor:
        verify_second_factor(client, user)
