"""Names that imitate a role are refused (issue 14, finding 10): "Sam (staff)" or "Council
admin" would let anyone look like someone with power to decide."""

import pytest

from copro.people.forms_profile import ProfileForm
from copro.people.forms_signin import InvitationAcceptForm, InviteForm
from copro.people.names import ROLE_NAME, imitates_a_role


@pytest.mark.parametrize(
    "name",
    [
        "Sam (staff)",
        "Sam [STAFF]",
        "Council admin",
        "Moderator Jo",
        "Ｓｔａｆｆ Sam",  # full-width letters
        "Sam s.t.a.f.f",
        "Jo the administrator",
        "Councillor Jo",
    ],
)
def test_io_names_that_imitate_a_role_are_refused(name):
    assert imitates_a_role(name)
    form = ProfileForm(data={"display_name": name, "takes_part_as": "experience"})
    form.is_valid()
    assert form.errors.get("display_name") == [ROLE_NAME]


@pytest.mark.parametrize("name", ["Sam", "Staffan", "Adminah", "Counsel Jo", "Modesty", "Asha"])
def test_io_ordinary_names_are_kept(name):
    assert not imitates_a_role(name)


def test_io_invitations_refuse_role_names_too():
    invite = InviteForm(
        data={"email": "a@example.org", "display_name": "Sam (staff)", "role": "citizen"},
        roles=["citizen"],
    )
    assert not invite.is_valid()
    assert invite.errors["display_name"] == [ROLE_NAME]
    accept = InvitationAcceptForm(
        data={"display_name": "Admin", "sign_in_with": "link"}, allow_link=True
    )
    accept.is_valid()
    assert accept.errors["display_name"] == [ROLE_NAME]
