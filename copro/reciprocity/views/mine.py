"""A person's own pages: My thanks, how they want to be thanked, offers, expenses and their
receipts, claims."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.forms import errors_to_form
from copro.core.uploads import limit_uploads
from copro.reciprocity import permissions as perms
from copro.reciprocity import policy, selectors, services, statement
from copro.reciprocity.forms import ExpenseForm, PreferenceForm, SpendForm, new_key
from copro.reciprocity.models import Offer, PaymentClaim

log = logging.getLogger("copro.reciprocity")


@login_required
@require_GET
def my_thanks(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.SEE_OWN_THANKS)
    context = selectors.my_thanks(person=request.user, page_number=request.GET.get("page", 1))
    context["own_page"] = True
    return render(request, "reciprocity/my_thanks.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def preference(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.CHOOSE_OWN_THANKS)
    current = selectors.preference_of(person=request.user)
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial={"choice": current.choice if current else None},
    )
    if request.method == "POST" and form.is_valid():
        services.preference_set(
            person=request.user, choice=form.cleaned_data["choice"], by=request.user
        )
        messages.success(request, "Your choice has been saved. You can change it at any time.")
        return redirect("reciprocity:preference")
    lines = selectors.rate_card()
    context = {
        "form": form,
        "promises": statement.promises(lines=lines, choice=current.choice if current else None),
        "benefits_note": statement.BENEFITS_NOTE,
        "current": current,
    }
    return render(request, "reciprocity/preference.html", context)


@login_required
@require_GET
def offers(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.SPEND_OWN_CREDITS)
    context = {
        "offers": selectors.offers_available(),
        "balance": selectors.person_balance(person=request.user),
        # Made when the page is shown, so sending it twice spends once (LED-5).
        "key": new_key(),
    }
    return render(request, "reciprocity/offers.html", context)


@login_required
@require_POST
def offer_spend(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require(request.user, policy.SPEND_OWN_CREDITS)
    offer = get_object_or_404(Offer, pk=pk, is_active=True, partner__is_active=True)
    form = SpendForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Something went wrong with the form. Try again.")
        return redirect("reciprocity:offers")
    try:
        txn = services.credits_spend(
            person=request.user,
            offer=offer,
            idempotency_key=services.request_key(
                kind="spend", person=request.user, key=form.cleaned_data["key"]
            ),
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reciprocity:offers")
    if txn.replayed:
        messages.success(request, f"You had already spent credits on {offer.title}.")
    else:
        messages.success(
            request,
            f"You spent {offer.credits} time credits on {offer.title}. "
            f"{offer.partner.name} will be expecting you.",
        )
    return redirect("reciprocity:mine")


@limit_uploads(settings.RECEIPT_MAX_BYTES, field="receipt")
@login_required
@require_http_methods(["GET", "POST"])
def expense_new(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.CLAIM_OWN_EXPENSES)
    posted = request.method == "POST"
    form = ExpenseForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial={"incurred_on": timezone.localdate(), "key": new_key()},
        too_big=getattr(request, "upload_too_big", False),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.expense_claim(
                person=request.user,
                kind=data["kind"],
                description=data["description"],
                amount_pence=data["amount"],
                incurred_on=data["incurred_on"],
                by=request.user,
                receipt=data["receipt"],
                request_key=data.get("key") or "",
            )
        except ValidationError as error:
            errors_to_form(form, error, {"amount_pence": "amount"})
        else:
            messages.success(
                request, "Your expense has been sent. We will tell you when it is paid."
            )
            return redirect("reciprocity:mine")
    context = {"form": form, "heading": "Claim back what it cost you", "button": "Send it"}
    return render(request, "reciprocity/expense_new.html", context)


@login_required
@require_GET
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = perms.claim_get_for_viewer(viewer=request.user, pk=pk, request=request)
    can_decide = policy.allowed(request.user, policy.APPROVE_CLAIMS)
    context = {
        "claim": claim,
        "can_decide": can_decide,
        "can_pay": policy.allowed(request.user, policy.PAY_CLAIMS),
        "today": timezone.localdate(),
        "audit": selectors.claim_audit(claim=claim),
        "statuses": PaymentClaim.Status,
    }
    return render(request, "reciprocity/claim_detail.html", context)


@login_required
@require_GET
def expense_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    """The receipt, for the person who claimed and staff who decide expenses; anyone else's
    answers 404 (FILE-4). Only ever a download, with the type we checked (FILE-2, FILE-3)."""
    expense = perms.expense_get_for_viewer(viewer=request.user, pk=pk, request=request)
    if not expense.has_receipt:
        raise Http404
    try:
        handle = storages["default"].open(expense.receipt_stored_name, "rb")
    except OSError:
        log.error("receipt file missing", extra={"event": "receipt_missing", "expense": pk})
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=expense.receipt_name,
        content_type=expense.receipt_content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    """A certificate (or letter) as a PDF the person can print or keep."""
    from django.template.loader import render_to_string
    from weasyprint import HTML  # slow to load; only this page needs it

    item = perms.recognition_get_for_viewer(viewer=request.user, pk=pk, request=request)
    html = render_to_string(
        "reciprocity/certificate.html",
        {"item": item, "council_name": settings.COUNCIL_NAME},
        request=request,
    )
    pdf = HTML(string=html, url_fetcher=_no_fetching).write_pdf(pdf_variant="pdf/ua-1")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{item.pk}.pdf"'
    return response


def _no_fetching(url, *args, **kwargs):
    raise ValueError("The certificate loads nothing from outside.")
