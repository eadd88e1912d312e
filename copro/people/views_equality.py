"""Equality monitoring pages. A person's answers are shown only to that person: the pages take
no person's id, so there is no URL at which anyone else's answers could be asked for (AZ-8).

POST views are marked with `sensitive_post_parameters()`, so an error report never carries the
answers (PRIV-4).
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from copro.people import equality, reference
from copro.people.forms_equality import ConsentForm, EqualityAnswersForm, ReferenceUploadForm
from copro.people.models.equality import ReferenceFigure


def _show_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Why we ask, what happens to the answers, who sees what; then consent."""
    answers = equality.equality_answers_for(user=request.user)
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and answers is None and form.is_valid():
        equality.equality_consent_give(user=request.user)
        return redirect("equality:questions")
    if request.method == "POST" and answers is not None:
        return redirect("equality:questions")
    return render(
        request,
        "people/equality/start.html",
        {
            "form": form,
            "answers": answers,
            "threshold": equality.suppression_threshold(),
            "may_see_inclusion": equality.may_see_inclusion(request.user),
            "may_manage_reference": equality.may_manage_reference(request.user),
        },
    )


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "POST"])
def questions(request: HttpRequest) -> HttpResponse:
    answers = equality.equality_answers_for(user=request.user)
    if answers is None:
        messages.info(request, "Please read this page and give your consent first.")
        return redirect("equality:start")
    if request.method == "POST":
        form = EqualityAnswersForm(request.POST)
        if form.is_valid():
            try:
                equality.equality_answers_save(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                _show_errors(form, error)
            else:
                messages.success(request, "Your answers have been saved.")
                return redirect("equality:answers")
    else:
        form = EqualityAnswersForm(initial=equality.equality_initial(answers))
    return render(request, "people/equality/questions.html", {"form": form})


@login_required
@require_GET
def your_answers(request: HttpRequest) -> HttpResponse:
    answers = equality.equality_answers_for(user=request.user)
    if answers is None:
        return redirect("equality:start")
    return render(
        request,
        "people/equality/answers.html",
        {"answers": answers, "lines": equality.equality_answer_lines(answers)},
    )


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest) -> HttpResponse:
    """A page to confirm; the POST deletes the answers and the key."""
    answers = equality.equality_answers_for(user=request.user)
    if request.method == "POST":
        equality.equality_consent_withdraw(user=request.user)
        return redirect("equality:withdrawn")
    if answers is None:
        return redirect("equality:start")
    return render(request, "people/equality/withdraw.html")


@login_required
@require_GET
def withdrawn(request: HttpRequest) -> HttpResponse:
    return render(request, "people/equality/withdrawn.html")


def _inclusion_report(request: HttpRequest) -> tuple[equality.InclusionReport, str]:
    # Only `who` is read: equality answers are never a filter, an order or a search (PRIV-3).
    who = request.GET.get("who", "all")
    if who not in equality.PEOPLE_FILTERS:
        who = "all"
    report = equality.inclusion_table(
        viewer=request.user,
        people=equality.people_for_filter(who),
        people_label=equality.PEOPLE_FILTERS[who],
    )
    return report, who


# No login_required: a person who may not see the totals gets a 404, signed in or not.
@require_GET
def inclusion(request: HttpRequest) -> HttpResponse:
    """Staff and administrators: who takes part, compared with the reference population."""
    report, who = _inclusion_report(request)
    return render(
        request,
        "people/equality/inclusion.html",
        {"report": report, "who": who, "filters": equality.PEOPLE_FILTERS},
    )


@require_GET
def inclusion_download(request: HttpRequest) -> HttpResponse:
    report, who = _inclusion_report(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="who-takes-part-{who}.csv"'
    csv.writer(response).writerows(equality.inclusion_csv_rows(report))
    return response


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def reference_population(request: HttpRequest) -> HttpResponse:
    """Administrators: see the reference population and replace it from a CSV file (IO-12)."""
    equality.reference_manager_check(viewer=request.user)
    form = ReferenceUploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read(reference.MAX_BYTES + 1)
        try:
            result = reference.reference_import(data=data, by=request.user)
        except reference.ReferenceImportError as error:
            for message in error.messages:
                form.add_error("file", message)
        else:
            text = (
                f"The reference population has been replaced: {result.figures} figures in "
                f"{result.categories} categories."
            )
            if result.not_compared:
                text += f" Not compared with any question: {', '.join(result.not_compared)}."
            messages.success(request, text)
            return redirect("equality:reference")
    figures = list(ReferenceFigure.objects.all())
    return render(
        request,
        "people/equality/reference.html",
        {"form": form, "figures": figures, "credit": reference.CREDIT},
    )
