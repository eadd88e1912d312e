"""The people app's own entries in the export and erasure registry."""

from django.db.models import Q

from copro.people import your_data
from copro.people.models import (
    AccessNeed,
    AssistedEntry,
    AvailableSlot,
    FormatNeed,
    GroupMembership,
    Profile,
    SignedInSession,
    Supporter,
    UnavailableDate,
    User,
)


def _account(user: User) -> list[dict]:
    return your_data.rows(
        User.objects.filter(pk=user.pk),
        "email",
        "display_name",
        "role",
        "date_joined",
        "last_login",
    )


def _profile(user: User) -> list[dict]:
    return your_data.rows(
        Profile.objects.filter(user=user),
        "pronouns",
        "takes_part_as",
        "area_i_work_in",
        "what_i_bring",
        "bring_tags",
        "contact_method",
        "phone",
        "postal_address",
        "access_needs_other",
        "share_pronouns",
        "share_what_i_bring",
        "share_area_i_work_in",
    )


def _supporters(user: User) -> list[dict]:
    mine = Supporter.objects.filter(person=user).select_related("supporter")
    helping = Supporter.objects.filter(supporter=user).select_related("person")
    return [
        {
            "can_act_for_you": s.supporter.display_name,
            "since": s.consent_recorded_at.isoformat(),
            "ended": s.revoked_at.isoformat() if s.revoked_at else None,
        }
        for s in mine
    ] + [
        {
            "you_can_act_for": s.person.display_name,
            "since": s.consent_recorded_at.isoformat(),
            "ended": s.revoked_at.isoformat() if s.revoked_at else None,
        }
        for s in helping
    ]


def _erase_supporters(user: User) -> None:
    Supporter.objects.filter(person=user).delete()
    Supporter.objects.filter(supporter=user).delete()


def _assisted(user: User) -> list[dict]:
    return [
        {
            "what": e.summary,
            "entered_by": e.entered_by.display_name if e.entered_by else "",
            "when": e.created_at.isoformat(),
            "how": e.how,
        }
        for e in AssistedEntry.objects.filter(person=user).select_related("entered_by")
    ]


def _erase_profile(user: User) -> None:
    Profile.objects.filter(user=user).delete()
    # Someone else's profile may name this person as their staff contact: keep theirs.


def _invitations(user: User) -> list[dict]:
    """The invitation that brought the person in, and the names of people they invited (their
    own action); never the email addresses of the people they invited."""
    from copro.people.models.signin import Invitation

    received = Q(accepted_user=user)
    if user.email:
        received |= Q(email__iexact=user.email)
    result = [
        {
            "invitation_to_you": True,
            "email": invitation.email,
            "name": invitation.display_name,
            "sent_at": invitation.created_at.isoformat(),
            "accepted_at": invitation.accepted_at.isoformat() if invitation.accepted_at else None,
        }
        for invitation in Invitation.objects.filter(received)
    ]
    result += [
        {
            "invitation_to_you": False,
            "name": invitation.display_name,
            "sent_at": invitation.created_at.isoformat(),
        }
        for invitation in Invitation.objects.filter(invited_by=user)
    ]
    return result


def _erase_invitations(user: User) -> None:
    """Invitations carry the person's email address: delete them. Invitations they sent belong
    to the people invited, so they are kept without the sender."""
    from copro.people.models.signin import Invitation

    received = Q(accepted_user=user)
    if user.email:
        received |= Q(email__iexact=user.email)
    Invitation.objects.filter(received).delete()
    Invitation.objects.filter(invited_by=user).update(invited_by=None)


def register_all() -> None:
    r = your_data.register
    r(User, label="Your account", export=_account, erase=lambda user: None)
    r(Profile, label="Your profile", export=_profile, erase=_erase_profile)
    r(
        AccessNeed,
        label="What you need to take part",
        export=lambda u: your_data.rows(AccessNeed.objects.filter(user=u), "need"),
        erase=your_data.delete_rows(AccessNeed),
    )
    r(
        FormatNeed,
        label="Formats you need",
        export=lambda u: your_data.rows(FormatNeed.objects.filter(user=u), "format"),
        erase=your_data.delete_rows(FormatNeed),
    )
    r(
        AvailableSlot,
        label="When you can take part",
        export=lambda u: your_data.rows(
            AvailableSlot.objects.filter(user=u), "weekday", "part_of_day"
        ),
        erase=your_data.delete_rows(AvailableSlot),
    )
    r(
        UnavailableDate,
        label="Dates you cannot come",
        export=lambda u: your_data.rows(UnavailableDate.objects.filter(user=u), "date"),
        erase=your_data.delete_rows(UnavailableDate),
    )
    r(
        GroupMembership,
        label="Groups you belong to",
        export=lambda u: [
            {"group": m.group.name, "joined_on": m.joined_on.isoformat()}
            for m in GroupMembership.objects.filter(user=u).select_related("group")
        ],
        erase=your_data.delete_rows(GroupMembership),
    )
    r(
        Supporter,
        label="People who help you, and people you help",
        export=_supporters,
        erase=_erase_supporters,
    )
    r(
        AssistedEntry,
        label="Changes made for you by someone else",
        export=_assisted,
        erase=your_data.delete_rows(AssistedEntry, "person"),
    )
    r(
        SignedInSession,
        label="Where you are signed in",
        export=lambda u: your_data.rows(
            SignedInSession.objects.filter(user=u), "device", "signed_in_at"
        ),
        erase=your_data.delete_rows(SignedInSession),
    )
    from copro.people.models.signin import Invitation, SignInLink

    r(
        Invitation,
        label="Invitations to join",
        export=_invitations,
        erase=_erase_invitations,
    )
    r(
        SignInLink,
        label="Sign-in links sent to you",
        export=lambda u: your_data.rows(
            SignInLink.objects.filter(user=u), "created_at", "expires_at", "used_at"
        ),
        erase=your_data.delete_rows(SignInLink),
    )
    # Equality answers are kept under a pseudonym; the key leads to them (PRIV-5, PRIV-9/10).
    from copro.people.equality import equality_erase, equality_export
    from copro.people.models.equality import EqualityKey

    r(
        EqualityKey,
        label="Your answers to the equality questions",
        export=equality_export,
        erase=equality_erase,
    )


def register_external() -> None:
    """Models from the packages we use that point at a person."""
    from django.contrib.admin.models import LogEntry
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model, label in [
        (TOTPDevice, "Two-step sign-in apps"),
        (StaticDevice, "Two-step sign-in recovery codes"),
    ]:
        your_data.register(
            model,
            label=label,
            export=lambda u, m=model: [
                {"name": d.name, "confirmed": d.confirmed} for d in m.objects.filter(user=u)
            ],
            erase=your_data.delete_rows(model),
        )
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    def _attempts(user):
        if not user.email:
            return []
        return your_data.rows(
            AccessFailureLog.objects.filter(username__iexact=user.email),
            "attempt_time",
            "ip_address",
        )

    def _erase_attempts(user):
        # django-axes keeps sign-in attempts by the typed email address, not a link to the row.
        if user.email:
            for model in (AccessAttempt, AccessFailureLog, AccessLog):
                model.objects.filter(username__iexact=user.email).delete()

    your_data.register(
        AccessFailureLog,
        label="Failed attempts to sign in",
        export=_attempts,
        erase=_erase_attempts,
    )
    your_data.exempt(
        LogEntry,
        reason="The administration pages' own log of changes made by administrators; it names "
        "the record changed, not the person's details, and the person row is anonymised.",
    )
