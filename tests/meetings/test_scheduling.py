"""Fair scheduling: availability first, experts by experience weighing at least as much as
staff, then rotation round the week; bank holidays skipped; never outside the range."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from copro.meetings.scheduling import (
    EXPERIENCE_WEIGHT,
    LONDON,
    PARTS,
    STAFF_WEIGHT,
    Person,
    bank_holidays,
    spread,
    suggest_slots,
)

MONDAY = date(2027, 3, 1)
NO_HOLIDAYS = frozenset()

bands = st.tuples(st.integers(0, 6), st.sampled_from(PARTS))
people = st.builds(
    Person,
    name=st.text(min_size=1, max_size=5),
    expert_by_experience=st.booleans(),
    available=st.frozensets(bands, max_size=21),
    unavailable_dates=st.frozensets(
        st.dates(min_value=MONDAY, max_value=MONDAY + timedelta(days=40)), max_size=5
    ),
)
past = st.lists(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 2, 27)).map(
        lambda d: d.replace(tzinfo=LONDON)
    ),
    max_size=12,
)


def everyone_always(name="A", experience=True) -> Person:
    return Person(name, experience, frozenset((d, p) for d in range(7) for p in PARTS))


@given(
    invitees=st.lists(people, max_size=6),
    start=st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 6, 1)),
    days=st.integers(0, 40),
    duration=st.integers(15, 720),
    past_meetings=past,
)
def test_never_suggests_a_slot_outside_the_range(invitees, start, days, duration, past_meetings):
    end = start + timedelta(days=days)
    for s in suggest_slots(
        invitees=invitees, start=start, end=end, duration=duration, past_meetings=past_meetings
    ):
        assert start <= s.starts_at.date() <= end
        finish = (s.starts_at.astimezone(UTC) + timedelta(minutes=duration)).astimezone(LONDON)
        assert finish.date() == s.starts_at.date()  # ends the same day
        assert s.starts_at.date() not in bank_holidays()


@given(
    invitees=st.lists(people, max_size=6),
    extra_experience=st.booleans(),
    band=bands,
    past_meetings=past,
)
def test_more_available_invitees_never_rank_lower_all_else_equal(
    invitees, extra_experience, band, past_meetings
):
    """Adding someone who can come at one slot never moves that slot down the list."""
    start, end = MONDAY, MONDAY + timedelta(days=13)

    def rank(people):
        order = suggest_slots(
            invitees=people,
            start=start,
            end=end,
            duration=60,
            past_meetings=past_meetings,
            limit=100,
            holidays=NO_HOLIDAYS,
        )
        return [(s.weekday, s.part_of_day, s.starts_at.date()) for s in order]

    target_day = MONDAY + timedelta(days=band[0])
    target = (band[0], band[1], target_day)
    newcomer = Person(
        "New", extra_experience, frozenset({band}), frozenset({target_day + timedelta(days=7)})
    )
    before = rank(invitees)
    after = rank([*invitees, newcomer])
    assert after.index(target) <= before.index(target)


@given(past_meetings=past, days=st.integers(6, 30))
def test_rotation_puts_the_least_used_band_first_when_availability_is_equal(past_meetings, days):
    start = MONDAY
    order = suggest_slots(
        invitees=[everyone_always()],
        start=start,
        end=start + timedelta(days=days),
        duration=60,
        past_meetings=past_meetings,
        limit=500,
        holidays=NO_HOLIDAYS,
    )
    uses = [s.recent_uses for s in order]
    assert uses[0] == min(uses)
    assert uses == sorted(uses)  # equal availability: least used bands come first


def test_an_expert_by_experience_weighs_at_least_as_much_as_staff():
    assert EXPERIENCE_WEIGHT >= STAFF_WEIGHT
    citizen = Person("Maggie", True, frozenset({(0, "morning")}))
    staff = Person("Jo", False, frozenset({(0, "evening")}))
    order = suggest_slots(
        invitees=[citizen, staff],
        start=MONDAY,
        end=MONDAY,
        duration=60,
        past_meetings=[],
        holidays=NO_HOLIDAYS,
    )
    assert order[0].part_of_day == "morning"
    assert order[0].available == ("Maggie",)


def test_unavailable_dates_count_against_a_slot():
    maggie = Person("Maggie", True, frozenset({(0, "morning")}), frozenset({MONDAY}))
    order = suggest_slots(
        invitees=[maggie],
        start=MONDAY,
        end=MONDAY + timedelta(days=7),
        duration=60,
        past_meetings=[],
        holidays=NO_HOLIDAYS,
    )
    assert order[0].starts_at.date() == MONDAY + timedelta(days=7)
    assert order[0].available_count == 1


def test_bank_holidays_are_skipped():
    easter_monday = date(2027, 3, 29)
    assert easter_monday in bank_holidays()
    order = suggest_slots(
        invitees=[everyone_always()],
        start=easter_monday,
        end=easter_monday,
        duration=60,
        past_meetings=[],
    )
    assert order == []


def test_each_suggestion_is_explained_in_a_sentence():
    maggie = Person("Maggie", True, frozenset({(2, "afternoon")}))
    jo = Person("Jo", False, frozenset({(2, "afternoon")}))
    past = [datetime(2027, 2, 24, 14, tzinfo=LONDON), datetime(2027, 2, 23, 10, tzinfo=LONDON)]
    (best,) = suggest_slots(
        invitees=[maggie, jo],
        start=MONDAY,
        end=MONDAY + timedelta(days=6),
        duration=90,
        past_meetings=past,
        limit=1,
        holidays=NO_HOLIDAYS,
    )
    assert best.starts_at == datetime(2027, 3, 3, 14, tzinfo=LONDON)
    assert best.explanation == (
        "2 of the 2 people invited can come, including the expert by experience; "
        "1 of the last 2 meetings was on a Wednesday afternoon."
    )


def test_a_long_meeting_is_not_suggested_in_the_evening_past_midnight():
    order = suggest_slots(
        invitees=[everyone_always()],
        start=MONDAY,
        end=MONDAY,
        duration=6 * 60,
        past_meetings=[],
        holidays=NO_HOLIDAYS,
    )
    assert [s.part_of_day for s in order] == ["morning", "afternoon"]


def test_spread_warns_when_more_than_60_percent_of_the_last_8_fell_in_one_band():
    tuesdays = [datetime(2027, 1, 5, 10, tzinfo=LONDON) + timedelta(weeks=n) for n in range(5)]
    others = [
        datetime(2027, 1, 7, 18, tzinfo=LONDON),
        datetime(2027, 1, 9, 14, tzinfo=LONDON),
        datetime(2027, 1, 15, 14, tzinfo=LONDON),
    ]
    result = spread(tuesdays + others)
    assert result.total == 8 and result.grid[(1, "morning")] == 5
    assert any("5 of the last 8 meetings were on Tuesday mornings" in w for w in result.warnings)
    balanced = spread(tuesdays[:4] + others + [datetime(2027, 1, 20, 18, tzinfo=LONDON)])
    assert balanced.warnings == ()  # 4 of 8 is not more than 60%


@given(past_meetings=past)
def test_spread_counts_every_meeting_once(past_meetings):
    result = spread(past_meetings)
    assert sum(result.grid.values()) == len(past_meetings)
    assume(len(past_meetings) >= 3)
    assert result.recent == min(8, len(past_meetings))
