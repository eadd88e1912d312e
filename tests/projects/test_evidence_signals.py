"""Signals: their values on known records, honest "no data yet", and a bounded number of queries
whatever the project's size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from copro.projects.evidence import record as record_module
from copro.projects.evidence import signals as signals_module
from copro.projects.evidence.signals import Signal, record_read, signals_for
from copro.projects.models import Membership
from tests.projects.factories import (
    ContributionFactory,
    D,
    DecisionFactory,
    MembershipFactory,
    PositionFactory,
    ProjectFactory,
    project_with_history,
)

STAGES = (("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)), ("delivery", D(2026, 6, 1)))


def signals(project) -> dict[str, Signal]:
    return {s.key: s for s in signals_for(record_read(project=project))}


def known_project():
    """Lead and a colleague by qualification, two experts by experience from the start and one
    who joined in delivery; four decided decisions (three shared), one open; five ideas."""
    project = ProjectFactory(stages=list(STAGES))
    lead = MembershipFactory(project=project, kind="qualification", joined_on=D(2026, 1, 5))
    colleague = MembershipFactory(project=project, kind="qualification", joined_on=D(2026, 1, 5))
    asha = MembershipFactory(project=project, joined_on=D(2026, 1, 5))
    ben = MembershipFactory(project=project, joined_on=D(2026, 2, 1))
    MembershipFactory(project=project, joined_on=D(2026, 6, 8))  # Cai, has not taken part
    for stage, voices in [
        ("idea", [lead, asha]),
        ("design", [lead, colleague, ben]),
        ("design", [lead, asha, ben]),
        ("delivery", [lead, colleague]),
    ]:
        decision = DecisionFactory(project=project, decided=True, stage=stage)
        for member in voices:
            PositionFactory.for_member(decision, member)
    DecisionFactory(project=project, stage="delivery")  # still open: not counted
    raised = timezone.now() - datetime.timedelta(days=60)
    for status, days in [("adopted", 10), ("adapted", 20), ("not_adopted", 40), ("considering", 5)]:
        ContributionFactory.for_member(
            asha,
            stage="design",
            status=status,
            raised_at=raised,
            responded_at=raised + datetime.timedelta(days=days),
        )
    ContributionFactory.for_member(ben, stage="design", raised_at=raised)  # still waiting
    ContributionFactory.for_member(lead, stage="delivery", status="adopted")  # staff's own idea
    return project


@pytest.mark.django_db
def test_signal_values_on_a_known_record():
    s = signals(known_project())
    assert (s["involved_from_start"].value, s["involved_from_start"].met) == (2, True)
    assert (
        s["involved_from_start"].display
    ) == "2 experts by experience when the design stage began (2 March 2026)"
    # Experts took part in idea and design, not delivery.
    assert (s["whole_life"].value, s["whole_life"].met) == (2, False)
    assert s["whole_life"].display == "2 of 3 stages"
    assert "took no part in the Delivery stage" in s["whole_life"].reason
    # Only the third decision had a real voice from experts by experience (Asha and Ben, two
    # of three voices); one expert among staff is not a real voice (rules version 2).
    assert (s["shared_decisions"].value, s["shared_decisions"].met) == (0.25, False)
    assert s["shared_decisions"].display == "1 of 4 decisions (25% by weight)"
    assert "too small to be real" in s["shared_decisions"].reason
    # Five ideas from experts by experience; the lead's own idea is not counted. "Being
    # considered" for 55 days no longer counts as an answer (after 42 days).
    assert (s["influence"].value, s["influence"].met) == (0.6, False)
    assert s["influence"].display == "3 of 5 answered (60%)"
    assert "left as “being considered” for more than 42 days" in s["influence"].reason
    assert (s["adopted"].value, s["adopted"].met) == (0.4, True)
    # Time to answer counts real answers only: 10, 20 and 40 days.
    assert (s["response_days"].value, s["response_days"].met) == (20.0, True)
    # Taking part: lead, colleague, Asha, Ben (Cai has not): 2 of 4.
    assert (s["balance"].value, s["balance"].met) == (0.5, True)
    assert s["balance"].display == "2 of 4 people (50%)"


@pytest.mark.django_db
def test_involved_from_start_compares_with_the_start_before_design():
    on_time = project_with_history(stages=STAGES[:1])
    late = project_with_history(stages=STAGES[:1], experts_join=D(2026, 1, 20))
    assert signals(on_time)["involved_from_start"].met is True
    late_signal = signals(late)["involved_from_start"]
    assert late_signal.met is False
    assert "after the project started on 5 January 2026" in late_signal.reason


@pytest.mark.django_db
def test_involved_from_start_counts_people_who_were_there_then_even_if_they_left():
    project = project_with_history(stages=STAGES, experts=0)
    MembershipFactory(project=project, joined_on=D(2026, 1, 5), left_on=D(2026, 4, 1))
    assert signals(project)["involved_from_start"].value == 1


@pytest.mark.django_db
def test_no_experts_at_all_is_not_met_rather_than_unknown():
    s = signals(project_with_history(stages=STAGES, experts=0))
    assert s["involved_from_start"].met is False
    assert s["whole_life"].met is False


@pytest.mark.django_db
def test_nothing_to_count_yet_is_none_not_zero():
    s = signals(project_with_history(stages=STAGES))
    for key in ("shared_decisions", "influence", "adopted", "response_days", "balance"):
        assert s[key].value is None and s[key].met is None, key


@pytest.mark.django_db
@pytest.mark.parametrize("key, source", [("access", "meetings"), ("reciprocity", "reciprocity")])
def test_no_data_yet_signals_are_not_met_and_not_guessed(key, source):
    # Even on a rich record, these say "no data yet" rather than guess from other signals.
    signal = signals(known_project())[key]
    assert signal.value is None
    assert signal.met is None
    assert signal.display == "No data yet"
    assert signal.reason.startswith("No data yet: this comes from")
    assert signal.source == source


@pytest.mark.django_db
def test_a_later_app_can_supply_a_signal_and_a_source_of_participation(monkeypatch):
    monkeypatch.setattr(signals_module, "_providers", dict(signals_module._providers))
    monkeypatch.setattr(record_module, "_participation_sources", [])

    @signals_module.register_signal("access", replace=True)
    def access(record, limits):
        return Signal("access", "Access", 0.9, "9 of 10 meetings", "Most", True, "Why.", "meetings")

    signals_module.register_participation_source(lambda project: ["delivery"])
    with pytest.raises(ValueError):
        signals_module.register_signal("access")(access)
    project = project_with_history(stages=STAGES, decisions=(("idea", True), ("design", True)))
    s = signals(project)
    assert s["access"].met is True
    assert s["whole_life"].met is True  # delivery comes from the new source


@pytest.mark.django_db
def test_abstentions_never_count_and_voices_entered_for_them_count_once_confirmed():
    # Rules version 2: "I will not take part in this one" is not taking part, and a voice
    # typed in by someone else counts once the person confirms it (copro/core/provenance.py).
    project = project_with_history(stages=STAGES, experts=2)
    citizens = list(project.memberships.filter(kind=Membership.Kind.EXPERIENCE))
    lead = project.memberships.get(kind=Membership.Kind.QUALIFICATION)
    one = DecisionFactory(project=project, decided=True, stage="design")
    two = DecisionFactory(project=project, decided=True, stage="design")
    for member in citizens:
        PositionFactory.for_member(one, member, stance="abstain")
        PositionFactory.for_member(two, member, recorded_by=lead.user, recorded_how="by phone")
    assert signals(project)["shared_decisions"].value == 0.0
    two.positions.update(confirmation="confirmed")
    assert signals(project)["shared_decisions"].value == 0.5


def grow(project, n):
    """Add n members by experience, each with a vote on a decided decision and an idea."""
    for _ in range(n):
        member = MembershipFactory(project=project, joined_on=D(2026, 1, 5))
        decision = DecisionFactory(project=project, decided=True, stage="design")
        PositionFactory.for_member(decision, member)
        DecisionFactory(project=project, decided=True, stage="design")  # and one without
        ContributionFactory.for_member(member, stage="design", status="adopted")
        ContributionFactory.for_member(member, stage="design")


@pytest.mark.django_db
def test_signals_take_the_same_number_of_queries_for_3_and_for_30():
    counts = []
    for n in (3, 30):
        project = project_with_history(stages=STAGES)
        grow(project, n)
        with CaptureQueriesContext(connection) as captured:
            signals(project)
        counts.append(len(captured))
    # stage changes, members, decisions with their voices (one row each), participation,
    # ideas (count, then answer times); meetings (copro.meetings.evidence_signals): meetings
    # held, and meetings that experts by experience came to; reciprocity
    # (copro.reciprocity.evidence): those attendances and how many got something back; the
    # experience check-ins (copro.voice)
    assert counts == [10, 10]
