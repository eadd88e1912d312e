"""The two-project world (tests/projects/world.py) with a meeting, a venue and a paper in each
project, for authorisation and view tests."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from copro.meetings import services
from copro.meetings.files import check_upload
from copro.meetings.models import Invitee, Meeting, Paper, Venue
from tests.projects.world import World, make_world

NEXT_WEEK = timezone.now() + datetime.timedelta(days=7)


@dataclass
class MeetingWorld:
    base: World
    venue: Venue
    meeting_a: Meeting
    meeting_b: Meeting
    invitee_a: Invitee
    invitee_b: Invitee
    paper_a: Paper
    paper_b: Paper

    def __getattr__(self, name):
        return getattr(self.base, name)


def a_venue(name="Town Hall", features=("step_free", "accessible_toilet"), by=None) -> Venue:
    return services.venue_save(
        by=by,
        name=name,
        address="1 High Street",
        how_to_get_there="Bus 4",
        features=list(features),
        is_active=True,
    )


def plan(project, by, venue, *, title="Planning meeting", starts_at=None, minutes=90, **extra):
    fields = {
        "title": title,
        "starts_at": starts_at or NEXT_WEEK,
        "duration_minutes": minutes,
        "format": "in_person",
        "purpose": "co-design",
        "venue": venue,
        **extra,
    }
    return services.meeting_plan(project=project, by=by, **fields)


def a_paper(meeting, by, text="Plain words for everyone.", name="notes.txt", title="Notes"):
    checked = check_upload(text.encode(), name)
    return services.paper_add(meeting=meeting, title=title, checked=checked, by=by)


def make_meeting_world() -> MeetingWorld:
    base = make_world()
    lead_b = base.project_b.memberships.get(role="lead").user
    venue = a_venue(by=base.lead_a)
    meeting_a = plan(base.project_a, base.lead_a, venue, title="Meeting A")
    meeting_b = plan(base.project_b, lead_b, venue, title="Meeting B")
    (invitee_a,) = services.invitees_add(meeting=meeting_a, users=[base.citizen_a], by=base.lead_a)
    (invitee_b,) = services.invitees_add(meeting=meeting_b, users=[base.citizen_b], by=lead_b)
    paper_a = a_paper(meeting_a, base.lead_a, title="Paper A")
    paper_b = a_paper(meeting_b, lead_b, title="Paper B")
    return MeetingWorld(base, venue, meeting_a, meeting_b, invitee_a, invitee_b, paper_a, paper_b)
