"""Issue 19, point 2: dates, sizes, labels and values as people say them."""

import datetime

import pytest
import time_machine

from copro.core.words import date_for_people, label_for_people, size_for_people, value_for_people


@pytest.mark.parametrize(
    "value, expected",
    [
        (datetime.date(2027, 3, 7), "7 March 2027"),
        ("2027-03-07", "7 March 2027"),
        ("2027-03-07T14:30:00+00:00", "7 March 2027 at 2:30pm"),
        ("2027-07-07T09:00:00+00:00", "7 July 2027 at 10am"),  # British Summer Time
        ("not a date", "not a date"),
        ("2027-13-45", "2027-13-45"),
    ],
)
def test_fmt2_dates_read_as_people_say_them(value, expected, settings):
    settings.TIME_ZONE = "Europe/London"
    assert date_for_people(value) == expected


@pytest.mark.parametrize(
    "size, kind, expected",
    [
        (121, "txt", "a short text file"),
        (121, "md", "a short text file"),
        (45_300, "docx", "45 KB Word document"),
        (2_345_678, "pdf", "2.3 MB PDF"),
        (None, "", "a short file"),
    ],
)
def test_fmt2_sizes_read_as_people_say_them(size, kind, expected):
    assert size_for_people(size, kind) == expected


@pytest.mark.parametrize(
    "key, expected",
    [
        ("display_name", "Display name"),
        ("takes_part_as", "Takes part as"),
        ("email", "Email address"),
        ("meeting_id", "Meeting reference"),
        ("created_at", "Added"),
    ],
)
def test_fmt2_labels_are_words_not_field_names(key, expected):
    assert label_for_people(key) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(None, "Not given"), ("", "Not given"), (True, "Yes"), (False, "No"), (["a", "b"], "a, b")],
)
def test_fmt2_values_never_show_none(value, expected):
    assert value_for_people(value) == expected


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2027, 3, 7, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_fmt2_your_data_page_shows_words_and_the_download_stays_raw(client, citizen_a):
    client.force_login(citizen_a)
    page = client.get("/account/your-data/").content.decode()
    assert "Made on 7 March 2027 at 12pm" in page
    assert "Display name" in page
    assert "Displayname" not in page and "Takespartas" not in page
    assert ">None<" not in page
    assert "2027-03-07T" not in page
    raw = client.get("/account/your-data/download/").json()
    assert raw["exported_at"].startswith("2027-03-07T12:00:00")
