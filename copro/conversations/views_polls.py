"""Quick polls and time polls on a project. A poll is not a decision, and its page says so."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from copro.conversations import charts, forms, selectors, services
from copro.conversations import permissions as perms
from copro.conversations.models import Poll
from copro.core.forms import errors_to_form


@login_required
@require_http_methods(["GET", "POST"])
def project_polls(request: HttpRequest, pk: int) -> HttpResponse:
    project, access = perms.project_get_for_reader(viewer=request.user, pk=pk, request=request)
    kind = request.POST.get("kind") or request.GET.get("kind") or Poll.Kind.QUICK
    posted = request.method == "POST"
    if posted and not access.member:
        raise Http404
    form_class = forms.TimePollForm if kind == Poll.Kind.TIME else forms.PollForm
    form = form_class(request.POST if posted else None)
    if posted and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            poll = services.poll_open(project=project, by=request.user, **data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Your poll is open. Members have been told.")
            return redirect(poll)
    context = {
        "project": project,
        "access": access,
        "form": form,
        "kind": kind,
        "polls": selectors.polls_for(project=project),
        "now": timezone.now(),
    }
    return render(request, "conversations/project_polls.html", context)


def _is_open(poll: Poll) -> bool:
    return poll.closed_at is None and poll.closes_at > timezone.now()


@login_required
@require_http_methods(["GET", "POST"])
def poll_detail(request: HttpRequest, pk: int) -> HttpResponse:
    poll, access = perms.poll_get_for_member(viewer=request.user, pk=pk, request=request)
    posted = request.method == "POST"
    if posted and not access.member:
        raise Http404
    if poll.kind == Poll.Kind.TIME:
        return _time_poll(request, poll, access, posted)
    mine = selectors.my_vote(poll=poll, viewer=request.user)
    form = forms.VoteForm(
        request.POST if posted else None,
        poll=poll,
        initial={"option": mine.option_id if mine else None},
    )
    if posted and form.is_valid():
        option = poll.options.filter(pk=form.cleaned_data["option"]).first()
        try:
            services.poll_vote(poll=poll, option=option, voter=request.user)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Your answer has been counted.")
            return redirect(poll)
    results = selectors.quick_results(poll=poll)
    context = {
        "poll": poll,
        "project": poll.project,
        "access": access,
        "form": form,
        "is_open": _is_open(poll),
        "results": results,
        "chart": charts.bar_chart(results),
        "can_run": perms.can_run(viewer=request.user, access=access),
    }
    return render(request, "conversations/poll.html", context)


def _time_poll(request, poll, access, posted) -> HttpResponse:
    options = list(poll.options.all())
    form = forms.TimeAnswerForm(
        request.POST if posted else None,
        options=options,
        initial={
            f"time_{k}": v
            for k, v in selectors.my_time_answers(poll=poll, viewer=request.user).items()
        },
    )
    if posted and form.is_valid():
        try:
            services.time_poll_answer(poll=poll, answers=form.answers(), voter=request.user)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Your answers have been saved.")
            return redirect(poll)
    results = selectors.time_results(poll=poll)
    can_run = perms.can_run(viewer=request.user, access=access)
    context = {
        "poll": poll,
        "project": poll.project,
        "access": access,
        "form": form,
        "is_open": _is_open(poll),
        "results": results,
        "can_run": can_run,
        "meeting_url": poll.meeting.url("detail") if poll.meeting else "",
        "schedule_form": forms.ScheduleForm(
            results=results,
            initial={
                "option": results[0].option_id if results else None,
                "title": poll.question,
            },
        )
        if can_run and poll.meeting_id is None
        else None,
    }
    return render(request, "conversations/time_poll.html", context)


@login_required
@require_POST
def poll_close(request: HttpRequest, pk: int) -> HttpResponse:
    poll, access = perms.poll_get_for_member(viewer=request.user, pk=pk, request=request)
    if not perms.can_run(viewer=request.user, access=access):
        raise Http404
    try:
        services.poll_close(poll=poll, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The poll is closed.")
    return redirect(poll)


@login_required
@require_POST
def poll_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Plan the meeting at the time chosen from a time poll."""
    poll, access = perms.poll_get_for_member(viewer=request.user, pk=pk, request=request)
    if not perms.can_run(viewer=request.user, access=access) or poll.kind != Poll.Kind.TIME:
        raise Http404
    form = forms.ScheduleForm(request.POST, results=selectors.time_results(poll=poll))
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect(poll)
    try:
        meeting = services.time_poll_schedule(
            poll=poll,
            option=poll.options.get(pk=form.cleaned_data["option"]),
            title=form.cleaned_data["title"],
            online_link=form.cleaned_data["online_link"],
            purpose=form.cleaned_data["purpose"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(poll)
    messages.success(request, "The meeting has been planned at the chosen time.")
    return redirect(meeting.url("detail"))
