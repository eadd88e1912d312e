"""A two-project world for authorisation tests (TESTING.md personas)."""

import datetime
from dataclasses import dataclass

from django.core import mail

from copro.people.models import User
from copro.projects import services
from copro.projects.models import Decision, Membership, Project
from tests.people.factories import UserFactory

TODAY = datetime.date(2026, 11, 1)


@dataclass
class World:
    lead_a: User
    citizen_a: User
    citizen_b: User
    outsider: User
    project_a: Project
    project_b: Project
    decision_a: Decision
    decision_b: Decision


def make_world() -> World:
    # Citizens who run projects need no second factor, which keeps these tests about access.
    lead_a = UserFactory(display_name="Lena (runs A)")
    lead_b = UserFactory(display_name="Luke (runs B)")
    citizen_a = UserFactory(display_name="Asha")
    citizen_b = UserFactory(display_name="Ben")
    outsider = UserFactory(display_name="Olu")
    project_a = services.project_start(
        title="Project A",
        summary="About A.",
        service_area="",
        visibility="members",
        by=lead_a,
        lead_kind=Membership.Kind.QUALIFICATION,
    )
    project_b = services.project_start(
        title="Project B",
        summary="About B.",
        service_area="",
        visibility="members",
        by=lead_b,
        lead_kind=Membership.Kind.QUALIFICATION,
    )
    services.member_add(
        project=project_a,
        user=citizen_a,
        kind="experience",
        role="member",
        joined_on=TODAY,
        by=lead_a,
    )
    services.member_add(
        project=project_b,
        user=citizen_b,
        kind="experience",
        role="member",
        joined_on=TODAY,
        by=lead_b,
    )
    decision_a = services.decision_propose(
        project=project_a,
        title="Decide A",
        proposal="P",
        method="consent",
        options=[],
        review_on=None,
        by=lead_a,
    )
    decision_b = services.decision_propose(
        project=project_b,
        title="Decide B",
        proposal="P",
        method="consent",
        options=[],
        review_on=None,
        by=lead_b,
    )
    # Proposing the decisions told the members (copro.notifications): the tests start from an
    # empty outbox, so each counts only the e-mails its own steps send.
    mail.outbox.clear()
    return World(
        lead_a, citizen_a, citizen_b, outsider, project_a, project_b, decision_a, decision_b
    )
