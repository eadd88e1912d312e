"""Who may see or change a person's records. One getter per resource; others get a 404."""

from django.http import Http404

from copro.people.models import User
from copro.people.models.support import Supporter


def person_to_act_for(*, viewer: User, pk: int | None) -> User:
    """The person whose records `viewer` may change: themselves, someone they support with
    current consent, or (for council staff) a citizen who told them on paper or by phone."""
    if pk is None or pk == viewer.pk:
        return viewer
    person = User.objects.filter(pk=pk, is_active=True).first()
    if person is None:
        raise Http404
    if viewer.is_council_staff and not person.is_council_staff:
        return person
    consented = Supporter.objects.filter(
        person=person, supporter=viewer, revoked_at__isnull=True
    ).exists()
    if not consented:
        raise Http404
    return person


def profile_person_get(*, viewer: User, pk: int) -> User:
    """A profile page: any signed-in person may see what another chose to share."""
    person = User.objects.select_related("profile").filter(pk=pk, is_active=True).first()
    if person is None:
        raise Http404
    return person
