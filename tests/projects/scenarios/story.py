"""Telling a project's story through the services, as its members and staff would, on a clock
that time-machine moves forward (nothing is written to the database by hand).

    story = Story(traveller)
    story.start()                                  # Sam, staff, runs it from day 0
    asha = story.join("Asha", "experience")
    story.decide("The plan", voices=[asha, story.lead_member])
    story.on(day=21); story.stage("design")
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from copro.meetings import services as meetings
from copro.projects import services
from copro.projects.models import Contribution, Decision, Membership
from copro.reciprocity import services as reciprocity
from copro.reciprocity.models import Reward, ThanksChoice
from tests.people.factories import UserFactory

LONDON = ZoneInfo("Europe/London")
# A Monday, 9 in the morning.
START = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=LONDON)
EXPERIENCE, QUALIFICATION = Membership.Kind.EXPERIENCE, Membership.Kind.QUALIFICATION


class Story:
    def __init__(self, traveller):
        self.traveller = traveller
        self.now = START
        traveller.move_to(START)
        self.project = None
        self.lead = None
        self.lead_member = None

    # --- The clock -------------------------------------------------------------------------

    def on(self, day: int, hour: int = 9, minute: int = 0) -> None:
        """Move the clock to `day` days after the start (never backwards)."""
        moment = START + datetime.timedelta(days=day, hours=hour - 9, minutes=minute)
        assert moment >= self.now, "a story only moves forward"
        self.now = moment
        self.traveller.move_to(moment)

    def later(self, days: int = 0, hours: int = 0) -> None:
        self.now = self.now + datetime.timedelta(days=days, hours=hours)
        self.traveller.move_to(self.now)

    @property
    def today(self) -> datetime.date:
        return timezone.localdate()

    # --- The project and its members -------------------------------------------------------

    def start(self, *, visibility: str = "members", title: str = "Day centre") -> None:
        self.lead = UserFactory(display_name="Sam", role="staff")
        self.project = services.project_start(
            title=title,
            summary="Making the day centre work for the people who use it.",
            service_area="Adult social care",
            visibility=visibility,
            by=self.lead,
        )
        self.lead_member = Membership.objects.get(project=self.project, user=self.lead)

    def join(self, name: str, kind: str = EXPERIENCE, joined_on=None) -> Membership:
        person = UserFactory(display_name=name)
        return services.member_add(
            project=self.project,
            user=person,
            kind=kind,
            role="member",
            joined_on=joined_on or self.today,
            by=self.lead,
        )

    def people(self, kind: str, *names: str) -> list[Membership]:
        return [self.join(name, kind) for name in names]

    def stage(self, stage: str) -> None:
        self.project.refresh_from_db()
        services.project_stage_change(
            project=self.project, stage=stage, on=self.today, by=self.lead
        )
        self.project.refresh_from_db()

    # --- Decisions -------------------------------------------------------------------------

    def decide(
        self,
        title: str,
        *,
        kind: str = Decision.Kind.PLAN,
        voices=(),
        abstain=(),
        for_them=(),
        proposed_by: Membership | None = None,
    ) -> Decision:
        """Propose, let each member in `voices` agree (typed in by themselves), `abstain` abstain,
        and `for_them` agree through the lead by phone; then close it today."""
        self.project.refresh_from_db()
        decision = services.decision_propose(
            project=self.project,
            title=title,
            proposal=f"We propose: {title.lower()}.",
            method=Decision.Method.CONSENT,
            options=[],
            review_on=None,
            by=self.lead,
            kind=kind,
            proposed_by=proposed_by,
        )
        for member in voices:
            services.position_record(
                decision=decision, member=member, by=member.user, stance="agree"
            )
        for member in abstain:
            services.position_record(
                decision=decision, member=member, by=self.lead, stance="abstain", how="by phone"
            )
        for member in for_them:
            services.position_record(
                decision=decision, member=member, by=self.lead, stance="agree", how="by phone"
            )
        return services.decision_close(
            decision=decision,
            outcome=f"Agreed: {title.lower()}.",
            decided_on=self.today,
            by=self.lead,
        )

    # --- Ideas -----------------------------------------------------------------------------

    def idea(self, member: Membership, *, entered_by=None) -> Contribution:
        self.project.refresh_from_db()
        return services.contribution_raise(
            project=self.project,
            member=member,
            kind="idea",
            text=f"An idea from {member.user.display_name}.",
            by=entered_by or member.user,
            # Staff typing in an idea say how the person told them (here: on the phone).
            how="by phone" if entered_by and entered_by != member.user else "",
        )

    def answer(self, contribution: Contribution, status: str = "adopted") -> Contribution:
        return services.contribution_respond(
            contribution=contribution,
            status=status,
            response="We talked it through at the meeting and this is what we did.",
            by=self.lead,
        )

    # --- Meetings --------------------------------------------------------------------------

    def meeting(
        self,
        *,
        day: int,
        hour: int,
        came=(),
        purpose: str = "co-design",
        rewarded: bool = True,
        record: bool = True,
        need: str = "",
    ):
        """Plan a meeting for `day` at `hour` (from now) and hold it; unless `record` is False,
        record who came that evening and, when `rewarded`, give each expert by experience time
        credits for coming."""
        self.project.refresh_from_db()
        starts = START + datetime.timedelta(days=day, hours=hour - 9)
        meeting = meetings.meeting_plan(
            project=self.project,
            by=self.lead,
            title=f"Meeting on day {day}",
            starts_at=starts,
            duration_minutes=90,
            format="online",
            online_link="https://meet.example.org/day-centre",
            purpose=purpose,
        )
        invitees = meetings.invitees_add(
            meeting=meeting, users=[m.user for m in came], by=self.lead
        )
        if need:  # the first person asks for something they need to take part
            meetings.meeting_need_add(
                invitee=invitees[0], need="other", detail=need, by=invitees[0].user
            )
        self.on(day=day, hour=hour + 2)
        if record:
            self.record_attendance(meeting, invitees, rewarded=rewarded)
        return meeting, invitees

    def record_attendance(self, meeting, invitees, *, rewarded: bool = True) -> None:
        meetings.attendance_record(
            meeting=meeting, entries=[(i, "attended", 90) for i in invitees], by=self.lead
        )
        if not rewarded:
            return
        for reward in Reward.objects.filter(project=self.project, status=Reward.Status.PROPOSED):
            reciprocity.reward_confirm(
                reward=reward,
                given_as=ThanksChoice.TIME_CREDITS,
                credits=2,
                by=self.lead,
                reason="Agreed with them",
            )
