"""Safeguarding records in the export and erasure registry (copro.people.your_data).

A person's export holds the concerns they raised (what they wrote and when), not what the
leads did about them. Safeguarding records are kept on erasure: the council must keep them
by law for its safeguarding duties, linked to the anonymous placeholder."""

from copro.people import your_data


def _concerns(user) -> list[dict]:
    from copro.safeguarding.models import Concern

    return [
        {"raised_at": c.raised_at.isoformat(), "about": c.about, "what": c.what}
        for c in Concern.objects.filter(raised_by=user)
    ]


def register_all() -> None:
    from copro.safeguarding.models import Concern, ConcernAction, ConcernView, SafeguardingLead

    your_data.register(
        Concern,
        label="Safeguarding concerns you raised",
        export=_concerns,
        erase=lambda user: None,
    )
    for model, why in (
        (ConcernAction, "what a safeguarding lead did: the council's safeguarding record"),
        (ConcernView, "who opened a concern: the safeguarding audit trail"),
        (SafeguardingLead, "a role the council gives; removed with the account"),
    ):
        your_data.exempt(model, reason=f"{why[0].upper()}{why[1:]}.")
