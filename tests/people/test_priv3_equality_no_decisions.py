"""PRIV-3: no decisions about individuals. Staff see totals only; an equality answer is never a
filter, an order, a search or a column next to a name."""

import pytest

from tests.people.test_equality_helpers import (
    answered_people,
    load_oxfordshire,
    sign_in,
    staff_member,
)

pytestmark = pytest.mark.django_db

SNEAKY = [
    "?ethnic_group=black",
    "?religion=muslim&order=sexual_orientation",
    "?disability=yes&sort=age_band",
    "?who=experts&ethnic_group=white",
    "?circumstances=in_prison&q=prison",
    "?who=ethnic_group",
    "?who=all&who=experts",
    "?pseudonym=1&user=1",
]


def strip_links(body: str) -> str:
    # The page links to its own filters; those links may echo `who`, nothing else.
    return body.split("<main", 1)[1]


@pytest.mark.parametrize("params", SNEAKY)
@pytest.mark.parametrize(
    "path", ["/account/equality/inclusion/", "/account/equality/inclusion/download/"]
)
def test_priv3_equality_parameters_are_ignored(client, params, path):
    load_oxfordshire()
    answered_people(7, ethnic_group="black", religion="muslim", takes_part_as="experience")
    answered_people(9, ethnic_group="white", disability="yes")
    sign_in(client, staff_member())
    plain = client.get(path + ("?who=experts" if "who=experts" in params else ""))
    sneaky = client.get(path + params)
    assert sneaky.status_code == 200
    if "inclusion/download" in path:
        assert sneaky.content == plain.content
    else:
        assert strip_links(sneaky.content.decode()) == strip_links(plain.content.decode())


def test_priv3_the_inclusion_page_names_nobody(client):
    load_oxfordshire()
    people = answered_people(12, ethnic_group="white")
    sign_in(client, staff_member())
    body = client.get("/account/equality/inclusion/").content.decode()
    csv_text = client.get("/account/equality/inclusion/download/").content.decode()
    for person in people:
        assert person.email not in body and person.email not in csv_text
        assert f"/account/people/{person.pk}/" not in body
    # "Who is missing" names groups and what to do, never people.
    assert "Plan how to reach" in body


def test_priv3_the_csv_has_only_shown_figures(client):
    load_oxfordshire()
    answered_people(12, ethnic_group="white")
    answered_people(3, ethnic_group="asian")
    sign_in(client, staff_member())
    csv_text = client.get("/account/equality/inclusion/download/").content.decode()
    assert "Ethnic group,White,10," in csv_text  # 12 is shown as 10
    assert 'Asian, Asian British or Asian Welsh",fewer than 5,not shown' in csv_text
    assert ",12," not in csv_text and ",3," not in csv_text  # no exact count anywhere
    assert "Ethnic group,All who answered (about),15," in csv_text  # 10 + 2.5, rounded
