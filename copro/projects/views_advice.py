"""Advice from the Advisory Board: asked on the project, answered by board members."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from copro.core.forms import errors_to_form
from copro.projects import advice as service
from copro.projects import permissions as perms
from copro.writing.widgets import PlainEnglishTextarea


class QuestionForm(forms.Form):
    question = forms.CharField(
        label="Your question for the Advisory Board",
        help_text="Say what you would like their advice on, and what you have tried so far.",
        max_length=3000,
        widget=PlainEnglishTextarea(),
        error_messages={"required": "Write your question"},
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label="Your answer",
        max_length=3000,
        widget=PlainEnglishTextarea(),
        error_messages={"required": "Write your answer"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_advice(request: HttpRequest, pk: int) -> HttpResponse:
    """The project's questions to the board and the answers. Current members may ask."""
    project = perms.project_get_for_viewer(viewer=request.user, pk=pk, request=request)
    membership = perms.membership_of(viewer=request.user, project=project)
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if membership is None:
            raise Http404
        if form.is_valid():
            try:
                service.advice_ask(
                    project=project, member=membership, question=form.cleaned_data["question"]
                )
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                messages.success(request, "Your question has gone to the Advisory Board.")
                return redirect("projects:advice", project.pk)
    context = {
        "project": project,
        "membership": membership,
        "form": form,
        "questions": service.advice_for_project(project=project),
    }
    return render(request, "projects/advice.html", context)


@login_required
@require_GET
def board_questions(request: HttpRequest) -> HttpResponse:
    """Board members: every question asked of the board, newest first."""
    if not service.is_board_member(request.user):
        raise Http404
    return render(
        request, "projects/board_questions.html", {"questions": service.advice_for_board()}
    )


@login_required
@require_http_methods(["GET", "POST"])
def board_question(request: HttpRequest, advice_pk: int) -> HttpResponse:
    advice = service.advice_get_for_board(viewer=request.user, pk=advice_pk)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            service.advice_answer(advice=advice, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "Thank you. Your answer is on the project's page.")
            return redirect("projects:board_questions")
    return render(request, "projects/board_question.html", {"advice": advice, "form": form})
