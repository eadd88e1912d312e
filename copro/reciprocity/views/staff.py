"""Staff pages: rewards to confirm, a person's thanks, recognition, credits, corrections,
expenses, and the people left out."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.reciprocity import permissions as perms
from copro.reciprocity import policy, selectors, services
from copro.reciprocity.forms import (
    ExpenseDecisionForm,
    IssueCreditsForm,
    PaidForm,
    RecognitionForm,
    ReverseForm,
    RewardConfirmForm,
    new_key,
)
from copro.reciprocity.models import Expense, Reward


@login_required
@require_GET
def rewards(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.CONFIRM_REWARDS)
    return render(request, "reciprocity/rewards.html", {"rewards": selectors.rewards_to_confirm()})


def _confirm(request, reward: Reward, form: RewardConfirmForm) -> bool:
    data = form.cleaned_data
    try:
        services.reward_confirm(
            reward=reward,
            given_as=data["given_as"],
            pay_pence=data["pay"],
            credits=data["credits"],
            reason=data["reason"],
            by=request.user,
        )
    except ValidationError as error:
        errors_to_form(form, error, {"pay_pence": "pay"})
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def reward_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    reward = perms.reward_get_for_staff(viewer=request.user, pk=pk, request=request)
    if reward.status != Reward.Status.PROPOSED:
        messages.error(request, "This reward has already been confirmed.")
        return redirect("reciprocity:rewards")
    initial = {
        "given_as": reward.preference or None,
        "pay": reward.proposed_pay_pence or None,
        "credits": reward.proposed_credits or None,
    }
    form = RewardConfirmForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid() and _confirm(request, reward, form):
        messages.success(request, f"The reward for {reward.person.display_name} is confirmed.")
        return redirect("reciprocity:rewards")
    context = {"reward": reward, "form": form}
    return render(request, "reciprocity/reward_confirm.html", context)


@login_required
@require_GET
def nobody_left_out(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.SEE_PEOPLES_THANKS)
    context = {
        "rewards": selectors.nobody_left_out(),
        "days": settings.RECIPROCITY_NOBODY_LEFT_OUT_DAYS,
        "share": selectors.reciprocity_share(),
        "today": timezone.localdate(),
    }
    return render(request, "reciprocity/nobody_left_out.html", context)


@login_required
@require_GET
def people(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.SEE_PEOPLES_THANKS)
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.people_with_thanks(query=query), 50).get_page(
        request.GET.get("page", 1)
    )
    return render(request, "reciprocity/people.html", {"page": page, "query": query})


@login_required
@require_GET
def person_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    person = perms.person_get_for_viewer(viewer=request.user, pk=pk, request=request)
    if person.pk == request.user.pk:
        return redirect("reciprocity:mine")
    context = selectors.my_thanks(person=person, page_number=request.GET.get("page", 1))
    context["own_page"] = False
    context["can_issue"] = policy.allowed(request.user, policy.ISSUE_CREDITS)
    context["can_reverse"] = policy.allowed(request.user, policy.REVERSE_CREDITS)
    return render(request, "reciprocity/my_thanks.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recognition_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = perms.person_get_for_viewer(viewer=request.user, pk=pk, request=request)
    policy.require(request.user, policy.RECORD_RECOGNITION)
    form = RecognitionForm(
        request.POST if request.method == "POST" else None,
        initial={"given_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.recognition_record(person=person, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The recognition has been recorded.")
            return redirect("reciprocity:person", person.pk)
    context = {
        "form": form,
        "person": person,
        "heading": f"Record recognition for {person.display_name}",
        "button": "Record it",
    }
    return render(request, "reciprocity/staff_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def credits_issue(request: HttpRequest, pk: int) -> HttpResponse:
    person = perms.person_get_for_viewer(viewer=request.user, pk=pk, request=request)
    policy.require(request.user, policy.ISSUE_CREDITS)
    if person.pk == request.user.pk:
        raise PermissionDenied
    form = IssueCreditsForm(
        request.POST if request.method == "POST" else None, initial={"key": new_key()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.credits_issue(
                person=person,
                amount=data["amount"],
                idempotency_key=services.request_key(
                    kind="issue", person=request.user, key=data["key"]
                ),
                memo=data["memo"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, f"{data['amount']} time credits given.")
            return redirect("reciprocity:person", person.pk)
    context = {
        "form": form,
        "person": person,
        "heading": f"Give time credits to {person.display_name}",
        "button": "Give the credits",
    }
    return render(request, "reciprocity/staff_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def transaction_reverse(request: HttpRequest, pk: int) -> HttpResponse:
    txn = perms.transaction_get_for_reversal(viewer=request.user, pk=pk, request=request)
    entries = list(txn.entries.select_related("account__person", "account__partner"))
    form = ReverseForm(
        request.POST if request.method == "POST" else None, initial={"key": new_key()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.transaction_reverse(
                transaction=txn,
                idempotency_key=services.request_key(
                    kind="reverse", person=request.user, key=form.cleaned_data["key"]
                ),
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, "The correction has been made.")
            people = [e.account.person_id for e in entries if e.account.person_id]
            if people:
                return redirect("reciprocity:person", people[0])
            return redirect("reciprocity:people")
    context = {
        "form": form,
        "transaction": txn,
        "entries": entries,
        "heading": "Correct a time-credit transaction",
        "button": "Make the correction",
    }
    return render(request, "reciprocity/reverse.html", context)


@login_required
@require_GET
def expenses(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.DECIDE_EXPENSES)
    waiting = (
        Expense.objects.filter(status__in=[Expense.Status.SUBMITTED, Expense.Status.APPROVED])
        .select_related("person")
        .order_by("incurred_on", "pk")
    )
    context = {
        "expenses": list(waiting),
        "decision_form": ExpenseDecisionForm(),
        "paid_form": PaidForm(initial={"paid_on": timezone.localdate()}),
    }
    return render(request, "reciprocity/expenses.html", context)


@login_required
@require_POST
def expense_decide(request: HttpRequest, pk: int) -> HttpResponse:
    expense = perms.expense_get_for_viewer(viewer=request.user, pk=pk, request=request)
    policy.require(request.user, policy.DECIDE_EXPENSES)
    form = ExpenseDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose your decision.")
        return redirect("reciprocity:expenses")
    try:
        services.expense_decide(
            expense=expense,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The decision has been saved.")
    return redirect("reciprocity:expenses")


@login_required
@require_POST
def expense_paid(request: HttpRequest, pk: int) -> HttpResponse:
    expense = perms.expense_get_for_viewer(viewer=request.user, pk=pk, request=request)
    policy.require(request.user, policy.DECIDE_EXPENSES)
    form = PaidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter the date it was paid.")
        return redirect("reciprocity:expenses")
    try:
        services.expense_mark_paid(
            expense=expense, paid_on=form.cleaned_data["paid_on"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The expense is marked as paid.")
    return redirect("reciprocity:expenses")
