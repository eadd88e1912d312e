"""People: accounts, sign-in, profiles, access needs, availability and equality monitoring.

One module per part; import models from here (`from copro.people.models import User`).
"""

from copro.people.models.equality import EqualityAnswers, EqualityKey, ReferenceFigure  # noqa: F401
from copro.people.models.groups import GroupMembership
from copro.people.models.profile import (
    WEEKDAYS,
    AccessNeed,
    AvailableSlot,
    FormatNeed,
    PartOfDay,
    Profile,
    UnavailableDate,
)
from copro.people.models.sessions import SignedInSession
from copro.people.models.signin import Invitation, SignInLink, SignInLinkRequest
from copro.people.models.support import AssistedEntry, Supporter
from copro.people.models.user import User, UserManager

__all__ = [
    "WEEKDAYS",
    "AccessNeed",
    "AssistedEntry",
    "AvailableSlot",
    "FormatNeed",
    "GroupMembership",
    "Invitation",
    "PartOfDay",
    "Profile",
    "SignInLink",
    "SignInLinkRequest",
    "SignedInSession",
    "Supporter",
    "UnavailableDate",
    "User",
    "UserManager",
]
