"""Learning pages. Each view: get the object through a permission getter, validate, call one
service, redirect (POST/redirect/GET)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.framework.models import TrainingLevel
from copro.learning import permissions as perms
from copro.learning import selectors, services
from copro.learning.calendar import session_calendar
from copro.learning.forms import AttendanceForm, QuizForm
from copro.learning.models import Booking


@login_required
@require_GET
def learning_home(request: HttpRequest) -> HttpResponse:
    done = selectors.levels_completed(person=request.user)
    levels = [(level, level.pk in done) for level in TrainingLevel.objects.all()]
    return render(
        request,
        "learning/home.html",
        {
            "levels": levels,
            "sessions": selectors.sessions_upcoming(),
            "bookings": selectors.bookings_of(person=request.user),
            "toolkit_unlocked": selectors.toolkit_unlocked(person=request.user),
            "latest_attempt": selectors.quiz_latest_attempt(person=request.user),
            "runs_sessions": perms.can_see_sessions_run(request.user),
        },
    )


@login_required
@require_GET
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.session_get_for_viewer(viewer=request.user, pk=pk)
    booking = (
        session.bookings.filter(person=request.user)
        .exclude(status=Booking.Status.CANCELLED)
        .first()
    )
    position = None
    if booking and booking.status == Booking.Status.WAITING:
        position = selectors.waiting_position(booking=booking)
    return render(
        request,
        "learning/session.html",
        {
            "session": session,
            "booking": booking,
            "position": position,
            "places_left": max(session.capacity - session.booked_count, 0),
            "can_run": perms.can_run(viewer=request.user, session=session),
            "started": session.has_started(),
        },
    )


def _booked_message(booking: Booking) -> str:
    if booking.status == Booking.Status.BOOKED:
        return "You have a place on this session."
    position = selectors.waiting_position(booking=booking)
    return (
        f"This session is full, so we have put you on the waiting list. You are number "
        f"{position}. If a place comes free, it will be yours and we will show it here."
    )


@login_required
@require_POST
def session_book(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.session_get_for_viewer(viewer=request.user, pk=pk)
    confirmed = request.POST.get("confirm") == "yes"
    try:
        booking = services.booking_make(
            session=session, person=request.user, by=request.user, confirmed=confirmed
        )
    except services.ConfirmationNeeded as needed:
        return render(
            request, "learning/confirm_book.html", {"session": session, "missing": needed.missing}
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(session)
    messages.success(request, _booked_message(booking))
    return redirect(session)


@login_required
@require_POST
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.session_get_for_viewer(viewer=request.user, pk=pk)
    booking = (
        session.bookings.filter(person=request.user)
        .exclude(status=Booking.Status.CANCELLED)
        .first()
    )
    if booking is None:
        messages.error(request, "You do not have a place on this session to cancel.")
        return redirect(session)
    try:
        services.booking_cancel(booking=booking, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(session)
    messages.success(request, "You have cancelled. Your place has gone to the next person.")
    return redirect(session)


@login_required
@require_http_methods(["GET", "POST"])
def session_manage(request: HttpRequest, pk: int) -> HttpResponse:
    session = perms.session_get_for_runner(viewer=request.user, pk=pk, request=request)
    people = selectors.session_people(session=session)
    booked = [b for b in people if b.status == Booking.Status.BOOKED]
    initial = {
        "attended": [str(b.pk) for b in booked if b.attended],
        "completed": [str(b.pk) for b in booked if b.completed],
    }
    form = AttendanceForm(
        request.POST if request.method == "POST" else None, bookings=booked, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        services.attendance_record(
            session=session,
            attended=form.ids("attended"),
            completed=form.ids("completed"),
            by=request.user,
        )
        messages.success(request, "Attendance and completion have been saved.")
        return redirect("learning:manage", session.pk)
    waiting = [b for b in people if b.status == Booking.Status.WAITING]
    return render(
        request,
        "learning/manage.html",
        {"session": session, "form": form, "booked": booked, "waiting": waiting},
    )


@login_required
@require_GET
def toolkit(request: HttpRequest) -> HttpResponse:
    if not selectors.toolkit_unlocked(person=request.user):
        return render(request, "learning/toolkit_locked.html", status=403)
    return render(request, "learning/toolkit.html", {"entries": selectors.toolkit_entries()})


@require_http_methods(["GET", "POST"])
def quiz(request: HttpRequest) -> HttpResponse:
    """Open to everyone (issue 17). Signed in, each go is kept; signed out, the answers are
    marked and explained on the spot and nothing is stored."""
    questions = selectors.quiz_questions()
    form = QuizForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and form.is_valid():
        if not request.user.is_authenticated:
            return _marked_not_kept(request, form.answers(), questions)
        attempt = services.quiz_submit(
            person=request.user, answers=form.answers(), questions=questions
        )
        return redirect(attempt)
    attempts = (
        selectors.quiz_attempts_of(person=request.user) if request.user.is_authenticated else []
    )
    return render(request, "learning/quiz.html", {"form": form, "attempts": attempts})


def _marked_not_kept(request: HttpRequest, answers: dict, questions: list) -> HttpResponse:
    marked = []
    for question in questions:
        chosen = sorted(set(answers.get(question.pk, [])))
        marked.append(
            {
                "question": question,
                "is_right": services.is_right(question, chosen),
                "chosen": [question.options[i] for i in chosen if 0 <= i < len(question.options)],
                "right": [question.options[i] for i in question.correct],
            }
        )
    attempt = {"score": sum(a["is_right"] for a in marked), "out_of": len(questions)}
    return render(request, "learning/attempt.html", {"attempt": attempt, "answers": marked})


@login_required
@require_GET
def attempt_detail(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = perms.attempt_get_for_owner(viewer=request.user, pk=pk, request=request)
    answers = [
        {
            "question": answer.question,
            "is_right": answer.is_right,
            "chosen": [answer.question.options[i] for i in answer.chosen if _in(answer, i)],
            "right": [answer.question.options[i] for i in answer.question.correct],
        }
        for answer in attempt.answers.select_related("question")
    ]
    return render(request, "learning/attempt.html", {"attempt": attempt, "answers": answers})


def _in(answer, index: int) -> bool:
    return 0 <= index < len(answer.question.options)


@login_required
@require_GET
def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The calendar file for the viewer's own place on a session; 404 without one."""
    booking = perms.booking_get_for_calendar(viewer=request.user, session_pk=pk, request=request)
    response = HttpResponse(session_calendar(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="training.ics"'
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
@require_GET
def sessions_run(request: HttpRequest) -> HttpResponse:
    """The sessions the viewer runs: ambassadors see their own; council staff see them all."""
    if not perms.can_see_sessions_run(request.user):
        return render(request, "learning/sessions_run_refused.html", status=403)
    sessions = selectors.sessions_run_by(viewer=request.user)
    return render(request, "learning/sessions_run.html", {"sessions": sessions})
