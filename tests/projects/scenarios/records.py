"""The project records of the scenario suite, each written from the guidance
(/work/shared/FRAMEWORK.md): what happened, and what an honest auditor would say about it.

A genuine project (`genuine`) has experts by experience as members from the start, half the
members, a real voice in every stage's decisions, ideas answered, meetings spread over the week
and something back each time they come. Each other record changes one or two things about it,
or is a way of talking the engine into a higher step than the record shows.
"""

from dataclasses import dataclass

from copro.projects.models import Decision
from tests.projects.scenarios.story import EXPERIENCE, QUALIFICATION, Story

STAGES = ("idea", "design", "delivery", "evaluation")
# Each stage starts 28 days after the last; its meeting moves around the week.
STAGE_DAYS = (0, 28, 56, 84)
MEETING_SLOTS = ((2, 10), (3, 14), (4, 18), (8, 11))  # (days into the stage, hour)
KINDS = (Decision.Kind.PLAN, Decision.Kind.MONEY, Decision.Kind.ROLES)


@dataclass
class Genuine:
    """What to change about the genuine project. `recorded_days_later`: attendance at every
    meeting is recorded that many days after the last one; `last_stage_informed`: in the last
    stage experts only come to a meeting that tells them what staff decided."""

    experts: int = 4
    staff: int = 3
    stages: int = 4
    unshared: int = 0
    rewarded: bool = True
    slots: tuple = MEETING_SLOTS
    recorded_days_later: int = 0
    trivial_staff_votes: int = 0
    waiting_ideas: int = 0
    last_stage_informed: bool = False
    need: str = ""  # asked for before every meeting, and never put in place


def _stage(s: Story, g: Genuine, n: int, citizens, staff_voices, unshared: list[int]):
    if n:
        s.stage(STAGES[n])
    day, hour = g.slots[n]
    informed = g.last_stage_informed and n == g.stages - 1
    held = s.meeting(
        day=STAGE_DAYS[n] + day,
        hour=hour,
        came=citizens,
        rewarded=g.rewarded,
        record=not g.recorded_days_later,
        purpose="inform" if informed else "co-design",
        need=g.need,
    )
    if not informed:
        idea = s.idea(citizens[n % len(citizens)])
        s.later(days=3)
        s.answer(idea, "adopted" if n % 2 == 0 else "adapted")
    for kind in KINDS:
        title = f"{kind} for {STAGES[n]}"
        if informed or unshared:
            unshared[:] = unshared[1:]
            s.decide(f"{title} (staff only)", kind=kind, voices=staff_voices)
        else:
            s.decide(title, kind=kind, voices=[*citizens, *staff_voices])
    return held


def genuine(s: Story, **changes) -> None:
    """The genuine project, with the changes asked for (see `Genuine`)."""
    g = Genuine(**changes)
    s.start()
    citizens = s.people(EXPERIENCE, *["Asha", "Ben", "Cara", "Dev", "Ema", "Fin"][: g.experts])
    others = s.people(QUALIFICATION, *["Priya", "Tom", "Wei", "Uma", "Raj"][: g.staff])
    staff_voices = [s.lead_member, *others[:1]]
    unshared = list(range(g.unshared))
    held = []
    for n in range(g.stages):
        s.on(day=STAGE_DAYS[n])
        held.append(_stage(s, g, n, citizens, staff_voices, unshared))
    for n in range(g.trivial_staff_votes):
        s.decide(f"Date of meeting {n + 1}", kind=Decision.Kind.ARRANGEMENTS, voices=staff_voices)
    for n in range(g.waiting_ideas):
        s.idea(citizens[n % len(citizens)])
        s.later(days=40)
    if g.recorded_days_later:
        s.later(days=g.recorded_days_later)
        for meeting, invitees in held:
            s.record_attendance(meeting, invitees, rewarded=g.rewarded)


# --- Genuine projects ----------------------------------------------------------------------


def coproduce_genuine(s):
    genuine(s)


def coproduce_small_group(s):
    """Three citizens and two staff: small groups can co-produce too."""
    genuine(s, experts=3, staff=1)


def coproduce_a_few_staff_decisions(s):
    """Two of twelve decisions taken by staff alone: within co-production's threshold, so a
    note to watch, not a faux-production warning."""
    genuine(s, unshared=2)


def coproduce_not_diluted_by_dates(s):
    """Twelve staff-only votes on meeting dates do not dilute the share of decisions shared."""
    genuine(s, trivial_staff_votes=12)


def coproduce_one_idea_waiting(s):
    """One idea of five left waiting too long: a note to watch at co-production."""
    genuine(s, waiting_ideas=1)


def codesign_joined_after_design(s):
    """Experts by experience joined once the design had begun: real influence from then on,
    not from the start (co-design; a note to watch)."""
    s.start()
    staff = s.people(QUALIFICATION, "Priya", "Tom")
    s.decide("What the project is for", voices=[s.lead_member, *staff])
    s.on(day=14)
    s.stage("design")
    s.decide("The first outline", voices=[s.lead_member, *staff])
    s.on(day=21)
    citizens = s.people(EXPERIENCE, "Asha", "Ben", "Cara")
    for n, kind in enumerate([*KINDS, *KINDS]):
        s.decide(f"Design choice {n + 1}", kind=kind, voices=[*citizens, s.lead_member])
    idea = s.idea(citizens[0])
    s.answer(idea, "adopted")


# --- The staircase below co-design ---------------------------------------------------------


def engage_ideas_adopted_but_decisions_kept(s):
    """Ideas are answered and acted on, but staff keep the decisions: engage."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben")
    staff = s.people(QUALIFICATION, "Priya")
    for n in range(4):
        idea = s.idea(citizens[n % 2])
        s.later(days=2)
        s.answer(idea, "adopted" if n < 2 else "not_adopted")
    for kind in KINDS:
        s.decide(f"Staff decide the {kind}", kind=kind, voices=[s.lead_member, *staff])


def consult_views_but_no_answers(s):
    """Questionnaire-style: views gathered and never answered (consult, with a warning)."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben", "Cara")
    for member in citizens:
        s.idea(member)
    for kind in KINDS:
        s.decide(f"Staff decide the {kind}", kind=kind, voices=[s.lead_member])
    s.later(days=35)


def consult_problems_left_to_others(s):
    """Experts list problems and the answer is always "out of our hands": consult."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben")
    for n in range(4):
        idea = s.idea(citizens[n % 2])
        s.later(days=1)
        s.answer(idea, "out_of_our_hands")


def inform_published_decisions(s):
    """Published decisions with experts as members who have said nothing yet: inform."""
    s.start(visibility="public")
    s.people(EXPERIENCE, "Asha", "Ben")
    for kind in KINDS:
        s.decide(f"Staff decide the {kind}", kind=kind, voices=[s.lead_member])


def codesign_evaluation_only_told(s):
    """Genuine until the evaluation, where experts only come to a meeting that tells them what
    staff decided: being told is not taking part in the stage, so not co-production."""
    genuine(s, last_stage_informed=True)


def educate_staff_only(s):
    """Staff alone, nothing published: at most, people are told about the service."""
    s.start()
    staff = s.people(QUALIFICATION, "Priya", "Tom")
    for kind in KINDS:
        s.decide(f"Staff decide the {kind}", kind=kind, voices=[s.lead_member, *staff])


# --- "Co-production is not" --------------------------------------------------------------


def not_only_rating_the_service(s):
    """Experts only take part once the service is being evaluated."""
    s.start()
    staff = s.people(QUALIFICATION, "Priya")
    citizens = s.people(EXPERIENCE, "Asha", "Ben")
    for n, stage in enumerate(STAGES):
        s.on(day=STAGE_DAYS[n])
        if n:
            s.stage(stage)
        voices = [s.lead_member, *staff] + (citizens if stage == "evaluation" else [])
        for kind in KINDS:
            s.decide(f"{kind} for {stage}", kind=kind, voices=voices)


def not_consultation_arriving_with_a_plan(s):
    """Staff design the service, then ask experts what they think of the plan."""
    s.start()
    staff = s.people(QUALIFICATION, "Priya", "Tom")
    s.on(day=7)
    s.stage("design")
    for kind in KINDS:
        s.decide(f"The {kind}", kind=kind, voices=[s.lead_member, *staff])
    s.on(day=35)
    s.stage("delivery")
    citizens = s.people(EXPERIENCE, "Asha", "Ben")
    for member in citizens:
        idea = s.idea(member)
        s.later(days=1)
        s.answer(idea, "not_adopted")
    s.decide("Small changes to the plan", voices=[*citizens, s.lead_member, *staff])


# --- Ways to game the engine (issue 15) -----------------------------------------------------


def game_expenses_only(s):
    """Everything genuine, but experts only ever get their expenses back."""
    genuine(s, rewarded=False)


def game_one_weekly_slot(s):
    """Everything genuine, but every meeting is on a Tuesday at 10 in the morning."""
    genuine(s, slots=((1, 10), (8, 10), (1, 10), (8, 10)))


def game_access_needs_ignored(s):
    """Everything genuine, but the hearing loop Asha asks for is never there: access."""
    genuine(s, need="A hearing loop")


def game_token_member(s):
    """One expert by experience among twelve staff, voting on every decision."""
    s.start()
    asha = s.join("Asha")
    staff = s.people(QUALIFICATION, *[f"Staff {n}" for n in range(11)])
    for n, stage in enumerate(STAGES):
        s.on(day=STAGE_DAYS[n])
        if n:
            s.stage(stage)
        for kind in KINDS:
            s.decide(f"{kind} for {stage}", kind=kind, voices=[asha, s.lead_member, *staff])


def game_outnumbered(s):
    """Three experts among twelve staff, all voting: their voices are a fifth of each
    decision and of the members."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben", "Cara")
    staff = s.people(QUALIFICATION, *[f"Staff {n}" for n in range(11)])
    for kind in [*KINDS, *KINDS]:
        s.decide(f"The {kind}", kind=kind, voices=[*citizens, s.lead_member, *staff])


def game_trivial_votes(s):
    """Experts only vote on meeting dates; staff take the decisions that matter."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben", "Cara")
    for n in range(12):
        s.decide(
            f"Date of meeting {n + 1}",
            kind=Decision.Kind.ARRANGEMENTS,
            voices=[*citizens, s.lead_member],
        )
    for kind in KINDS:
        s.decide(f"Staff decide the {kind}", kind=kind, voices=[s.lead_member])


def game_unanswered_ideas(s):
    """Decisions shared, but eleven of twelve ideas left unanswered."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben", "Cara")
    for kind in KINDS:
        s.decide(f"The {kind}", kind=kind, voices=[*citizens, s.lead_member])
    ideas = [s.idea(citizens[n % 3]) for n in range(12)]
    s.answer(ideas[0], "adopted")
    s.later(days=35)


def game_considered_forever(s):
    """Every idea answered "being considered", and then nothing for months."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben", "Cara")
    for kind in KINDS:
        s.decide(f"The {kind}", kind=kind, voices=[*citizens, s.lead_member])
    for n in range(6):
        s.answer(s.idea(citizens[n % 3]), "considering")
    s.later(days=60)


def game_proxy_abstentions(s):
    """Staff record citizens' abstentions by phone on every decision: not taking part."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben", "Cara")
    staff = s.people(QUALIFICATION, "Priya")
    for kind in [*KINDS, *KINDS]:
        s.decide(f"The {kind}", kind=kind, voices=[s.lead_member, *staff], abstain=citizens)


def game_empty_published(s):
    """Published, and nothing in it."""
    s.start(visibility="public")


def game_past_meetings_marked_attended(s):
    """Genuine votes, but every meeting was marked attended (and paid for) two months after
    the last one: nobody has confirmed they came, so the meetings give no evidence yet of
    something back."""
    genuine(s, recorded_days_later=60)


def game_back_dated_members(s):
    """Experts added today as if they had joined months ago, before the design began."""
    s.start()
    staff = s.people(QUALIFICATION, "Priya")
    s.on(day=7)
    s.stage("design")
    s.on(day=120)
    s.stage("delivery")
    citizens = [s.join(name, joined_on=s.today.replace(month=1, day=5)) for name in ("Asha", "Ben")]
    for kind in KINDS:
        s.decide(f"The {kind}", kind=kind, voices=[*citizens, s.lead_member, *staff])


def game_back_filled_in_one_sitting(s):
    """A staff-only project back-filled in one sitting: members dated in the past, positions
    and ideas entered for citizens by phone, ideas answered "being considered"."""
    s.start()
    s.on(day=1)
    joined = s.today.replace(day=1)
    s.stage("design")
    citizens = [s.join(name, joined_on=joined.replace(year=2025, month=6)) for name in "ABC"]
    for kind in KINDS:
        s.decide(f"The {kind}", kind=kind, voices=[s.lead_member], for_them=citizens)
    for member in citizens:
        s.answer(s.idea(member, entered_by=s.lead), "considering")


def not_enough_quick_fix(s):
    """One meeting, one decision: a quick fix, and not enough to judge."""
    s.start()
    citizens = s.people(EXPERIENCE, "Asha", "Ben")
    s.decide("Change the opening hours", voices=[*citizens, s.lead_member])
    s.meeting(day=1, hour=10, came=citizens)
