"""Community's entries in the export and erasure registry (copro.people.your_data).

A person's clinic bookings (and what they asked for help with) are theirs: exported, and
deleted on erasure. Clinics someone hosted are a record others rely on: exported and kept,
linked to the anonymised placeholder. Case studies hold nobody's personal data."""

from copro.people import your_data


def _bookings(user) -> list[dict]:
    from copro.community.models import ClinicBooking

    return [
        {
            "clinic": b.slot.topic,
            "date": b.slot.date.isoformat(),
            "status": b.get_status_display(),
            "what_you_asked": b.question,
        }
        for b in ClinicBooking.objects.filter(person=user).select_related("slot")
    ]


def _hosted(user) -> list[dict]:
    from copro.community.models import ClinicSlot

    return [
        {"clinic": s.topic, "date": s.date.isoformat()}
        for s in ClinicSlot.objects.filter(host=user)
    ]


def register_all() -> None:
    from copro.community.models import ClinicBooking, ClinicSlot

    keep = lambda user: None  # noqa: E731  (kept against the anonymous placeholder)
    your_data.register(
        ClinicBooking,
        label="Advice clinics you booked",
        export=_bookings,
        erase=your_data.delete_rows(ClinicBooking, "person"),
    )
    your_data.register(ClinicSlot, label="Advice clinics you gave", export=_hosted, erase=keep)
