"""Training for a person's record of involvement (`people.involvement`): the sessions they
came to, and which they completed."""

from copro.learning.models import Booking
from copro.people.involvement import Entry
from copro.people.models import User


def training_entries(user: User) -> list[Entry]:
    bookings = (
        Booking.objects.filter(person=user, attended=True)
        .select_related("session__level")
        .order_by("session__date", "pk")
    )
    return [
        Entry(
            on=b.session.date,
            what=b.session.level.name,
            detail="Completed" if b.completed else "Came to the session",
            minutes=b.session.level.hours * 60 if b.completed else 0,
        )
        for b in bookings
    ]
