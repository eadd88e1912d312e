"""One getter per resource; someone else's id answers 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from copro.notifications.models import Notification
from copro.people.models import User


def notification_get(*, viewer: User, pk: int) -> Notification:
    return get_object_or_404(Notification, pk=pk, recipient=viewer)


def staff_only(viewer: User) -> None:
    """The "to post" queue and the text messages page are for council staff."""
    if not (viewer.is_authenticated and viewer.is_active and viewer.is_council_staff):
        raise Http404


def letter_person_get(*, viewer: User, pk: int) -> User:
    staff_only(viewer)
    return get_object_or_404(User, pk=pk, is_active=True)
