"""IO-12: the reference population import. Any bytes give a clear message or a good import, never
a crash; a bad file changes nothing (all or nothing)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copro.people.models.equality import ReferenceFigure
from copro.people.reference import (
    OXFORDSHIRE_FILE,
    ReferenceImportError,
    reference_import,
    reference_parse,
)

HEADER = "category,group,percent,base,source\n"
GOOD = (
    HEADER
    + "disability,Disabled,17.5,all usual residents,ONS\n"
    + ("disability,Not disabled,82.5,all usual residents,ONS\n")
)


def messages(data: bytes) -> str:
    with pytest.raises(ReferenceImportError) as caught:
        reference_parse(data)
    return " ".join(caught.value.messages)


@given(st.binary(max_size=400))
def test_io12_arbitrary_bytes_give_figures_or_a_clear_message(data):
    try:
        reference_parse(data)
    except ReferenceImportError as error:
        assert error.messages and all(isinstance(m, str) and m for m in error.messages)


@given(st.lists(st.text(max_size=30), min_size=1, max_size=8))
def test_io12_arbitrary_cells_under_the_right_header_never_crash(cells):
    line = ",".join('"' + c.replace('"', '""') + '"' for c in cells)
    try:
        figures = reference_parse((HEADER + line + "\n").encode())
    except ReferenceImportError:
        return
    assert all(0 <= f.percent <= 100 for f in figures)


def test_io12_a_byte_order_mark_is_fine():
    assert len(reference_parse(b"\xef\xbb\xbf" + GOOD.encode())) == 2


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("", "empty"),
        ("category,group,percent\nx,y,1\n", "missing: base, source"),
        (
            HEADER + "disability,Disabled,17.5,all,ONS\ndisability,Disabled,82.5,all,ONS\n",
            "more than once",
        ),
        (HEADER + "disability,Disabled,117.5,all,ONS\n", "between 0 and 100"),
        (HEADER + "disability,Disabled,-3,all,ONS\n", "between 0 and 100"),
        (HEADER + "disability,Disabled,lots,all,ONS\n", "not a number"),
        (HEADER + 'disability,=HYPERLINK("x"),100,all,ONS\n', "formula"),
        (HEADER + "disability,Disabled,=1+1,all,ONS\n", "formula"),
        (HEADER + "disability,Disabled,50,all,ONS\n", "add up to"),
    ],
)
def test_io12_each_fault_has_a_plain_message(data, expected):
    assert expected in messages(data.encode())


@pytest.mark.django_db
def test_io12_a_bad_file_changes_nothing_and_a_good_one_replaces_everything():
    reference_import(data=OXFORDSHIRE_FILE.read_bytes())
    before = list(ReferenceFigure.objects.values_list("category", "group", "percent"))
    assert before
    bad = GOOD + "disability,Something,117,all usual residents,ONS\n"
    with pytest.raises(ReferenceImportError):
        reference_import(data=bad.encode())
    assert list(ReferenceFigure.objects.values_list("category", "group", "percent")) == before
    result = reference_import(data=GOOD.encode())
    assert result.figures == 2 and ReferenceFigure.objects.count() == 2
