"""The way in, in the export and erasure registry (copro.people.your_data, PRIV-9/10)."""

from copro.people import your_data


def _requests(user) -> list[dict]:
    from copro.frontdoor.models import GetInvolvedRequest

    return your_data.rows(
        GetInvolvedRequest.objects.filter(person=user),
        "name",
        "contact_method",
        "email",
        "phone",
        "postal_address",
        "what_i_bring",
        "areas",
        "access_needs",
        "call_back",
        "status",
        "received_at",
    )


def _erase_requests(user) -> None:
    from copro.frontdoor.models import GetInvolvedRequest

    GetInvolvedRequest.objects.filter(person=user).delete()


def register_all() -> None:
    from copro.frontdoor.models import GetInvolvedAttempt, GetInvolvedRequest, WelcomeSkip

    your_data.register(
        GetInvolvedRequest,
        label="What you told us when you asked to get involved",
        export=_requests,
        erase=_erase_requests,
    )
    your_data.exempt(
        GetInvolvedAttempt,
        reason="Holds only a hashed network address and a time, for the rate limit; "
        "no link to any person",
    )
    your_data.register(
        WelcomeSkip,
        label="Whether you skipped the guided start",
        export=lambda user: your_data.rows(WelcomeSkip.objects.filter(user=user), "skipped_at"),
        erase=your_data.delete_rows(WelcomeSkip),
    )
