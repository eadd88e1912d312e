"""Who may see and change training sessions and quiz attempts. Something a person may not see
answers 404, exactly like something that does not exist (AZ-1)."""

from django.http import Http404

from copro.core.ids import id_in_range
from copro.learning import selectors
from copro.learning.models import (
    Booking,
    JournalEntry,
    OrderingAttempt,
    QuizAttempt,
    RecipeCheckIn,
    TipCheckIn,
    TrainingSession,
)
from copro.people.models import GroupMembership, User

AMBASSADORS_SLUG = "ambassadors-network"


def is_ambassador(user: User) -> bool:
    return (
        user.is_authenticated
        and GroupMembership.objects.filter(user=user, group__slug=AMBASSADORS_SLUG).exists()
    )


def session_get_for_viewer(*, viewer: User, pk: int) -> TrainingSession:
    """Every signed-in person can see every session: training is open to staff and citizens."""
    session = selectors.session_with_places(pk=pk) if viewer.is_authenticated else None
    if session is None:
        raise Http404
    return session


def can_run(*, viewer: User, session: TrainingSession) -> bool:
    """The ambassador running the session, council staff and administrators."""
    return viewer.is_authenticated and (
        viewer.pk == session.ambassador_id or viewer.is_council_staff
    )


def session_get_for_runner(*, viewer: User, pk: int, request=None) -> TrainingSession:
    session = session_get_for_viewer(viewer=viewer, pk=pk)
    if not can_run(viewer=viewer, session=session):
        if request is not None:
            request.refused_object_type = "training session"
        raise Http404
    return session


def attempt_get_for_owner(*, viewer: User, pk: int, request=None) -> QuizAttempt:
    """A quiz attempt is for the person who made it only: not staff, not administrators."""
    attempt = None
    if viewer.is_authenticated:
        attempt = QuizAttempt.objects.filter(pk=pk, person=viewer).first()
    if attempt is None:
        if request is not None:
            request.refused_object_type = "quiz attempt"
        raise Http404
    return attempt


def _own(model, *, viewer: User, pk: int, request, label: str):
    """A row of the viewer's own learning record, or 404 for anyone else's - staff and
    administrators included - exactly as for an id that does not exist."""
    found = None
    if viewer.is_authenticated:
        found = model.objects.filter(pk=pk, person=viewer).first()
    if found is None:
        if request is not None:
            request.refused_object_type = label
        raise Http404
    return found


def ordering_attempt_get_for_owner(*, viewer: User, pk: int, request=None):
    return _own(OrderingAttempt, viewer=viewer, pk=pk, request=request, label="ordering attempt")


def tip_check_in_get_for_owner(*, viewer: User, pk: int, request=None):
    return _own(TipCheckIn, viewer=viewer, pk=pk, request=request, label="tips check-in")


def recipe_check_in_get_for_owner(*, viewer: User, pk: int, request=None):
    return _own(RecipeCheckIn, viewer=viewer, pk=pk, request=request, label="values check-in")


def journal_entry_get_for_owner(*, viewer: User, pk: int, request=None):
    return _own(JournalEntry, viewer=viewer, pk=pk, request=request, label="journal entry")


def can_see_sessions_run(viewer: User) -> bool:
    """The list of sessions someone runs: for ambassadors and council staff."""
    return viewer.is_authenticated and (viewer.is_council_staff or is_ambassador(viewer))


def booking_get_for_calendar(*, viewer: User, session_pk: int, request=None):
    """The viewer's own place on a session (booked or waiting), for its calendar file."""

    booking = None
    if viewer.is_authenticated and id_in_range(session_pk):  # a 26-digit id is just not found
        booking = (
            Booking.objects.filter(session_id=session_pk, person=viewer)
            .exclude(status=Booking.Status.CANCELLED)
            .select_related("session__level", "session__venue")
            .first()
        )
    if booking is None:
        if request is not None:
            request.refused_object_type = "training booking"
        raise Http404
    return booking


def can_run_training(viewer: User) -> bool:
    """Schedule sessions and keep the toolkit: ambassadors and council staff, as in the admin
    site before (issue 17). Someone else gets 404 for these pages."""
    return can_see_sessions_run(viewer)


def require_trainer(viewer: User, request=None) -> None:
    if not can_run_training(viewer):
        if request is not None:
            request.refused_object_type = "training page"
        raise Http404


def toolkit_entry_get_for_manager(*, viewer: User, pk: int, request=None):
    from copro.learning.models import ToolkitEntry

    require_trainer(viewer, request)
    entry = ToolkitEntry.objects.filter(pk=pk).first()
    if entry is None:
        if request is not None:
            request.refused_object_type = "toolkit entry"
        raise Http404
    return entry
