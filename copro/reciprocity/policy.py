"""Who may do what with reciprocity: the role x action table (AZ-5; ASVS 8.1.1 and 8.1.2).

Tests drive every cell of this table through the pages. A function someone may not use answers
403; an object they may not see (someone else's claim) answers 404 (permissions.py).
Two-step sign-in for staff and administrators is enforced before any of this (AUTH-5).
"""

from django.core.exceptions import PermissionDenied

CITIZEN, STAFF, ADMINISTRATOR = "citizen", "staff", "administrator"
EVERYONE = frozenset({CITIZEN, STAFF, ADMINISTRATOR})
COUNCIL = frozenset({STAFF, ADMINISTRATOR})

SEE_OWN_THANKS = "see own thanks"
CHOOSE_OWN_THANKS = "choose how to be thanked"
SPEND_OWN_CREDITS = "spend own time credits"
CLAIM_OWN_EXPENSES = "claim own expenses"
SEE_RATE_CARD = "see the rate card"
EDIT_RATE_CARD = "edit the rate card"
CONFIRM_REWARDS = "confirm or adjust rewards"
APPROVE_CLAIMS = "approve or reject payment claims"
PAY_CLAIMS = "export claims to finance and mark them paid"
ISSUE_CREDITS = "give time credits"
REVERSE_CREDITS = "correct (reverse) a ledger transaction"
RECORD_RECOGNITION = "record recognition"
DECIDE_EXPENSES = "approve, reject and pay expenses"
SEE_PEOPLES_THANKS = "see anyone's thanks, and who is left out"

POLICY: dict[str, frozenset[str]] = {
    SEE_OWN_THANKS: EVERYONE,
    CHOOSE_OWN_THANKS: EVERYONE,
    SPEND_OWN_CREDITS: EVERYONE,
    CLAIM_OWN_EXPENSES: EVERYONE,
    # The rate card is open to everyone signed in: what people get is no secret.
    SEE_RATE_CARD: EVERYONE,
    EDIT_RATE_CARD: frozenset({ADMINISTRATOR}),
    CONFIRM_REWARDS: COUNCIL,
    APPROVE_CLAIMS: COUNCIL,
    PAY_CLAIMS: COUNCIL,
    ISSUE_CREDITS: COUNCIL,
    # A correction to the ledger is rare and changes people's balances: administrators only.
    REVERSE_CREDITS: frozenset({ADMINISTRATOR}),
    RECORD_RECOGNITION: COUNCIL,
    DECIDE_EXPENSES: COUNCIL,
    SEE_PEOPLES_THANKS: COUNCIL,
}


def role_of(user) -> str | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return user.role


def allowed(user, action: str) -> bool:
    return role_of(user) in POLICY[action]


def require(user, action: str) -> None:
    if not allowed(user, action):
        raise PermissionDenied
