"""Staff pages for payments: approving claims, sending them to finance, marking them paid."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from copro.core.ids import parse_ids
from copro.reciprocity import permissions as perms
from copro.reciprocity import policy, selectors, services
from copro.reciprocity.forms import PaidForm, ReasonForm
from copro.reciprocity.models import ExportBatch
from copro.reciprocity.money import pounds


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_GET
def claims_list(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, policy.APPROVE_CLAIMS)
    context = {
        **selectors.claims_waiting(),
        "recently_paid": selectors.recently_paid(limit=20),
        "today": timezone.localdate(),
    }
    return render(request, "reciprocity/claims.html", context)


@login_required
@require_POST
def claims_approve(request: HttpRequest) -> HttpResponse:
    """Approve the ticked claims: all of them or, if any one may not be approved, none (AZ-6)."""
    policy.require(request.user, policy.APPROVE_CLAIMS)
    try:
        ids = parse_ids(request.POST.getlist("claims"))  # a huge id is refused, not a 500
        approved = services.claims_approve(claim_ids=ids, by=request.user)
    except ValueError:
        messages.error(request, "Choose the claims from the list. Nothing was approved.")
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, f"{len(approved)} claims approved.")
    return redirect("reciprocity:claims")


@login_required
@require_POST
def claim_approve(request: HttpRequest, pk: int) -> HttpResponse:
    claim = perms.claim_get_for_viewer(viewer=request.user, pk=pk, request=request)
    try:
        services.claim_approve(claim=claim, by=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, f"Claim {claim.reference} approved.")
    return redirect("reciprocity:claim", claim.pk)


@login_required
@require_POST
def claim_reject(request: HttpRequest, pk: int) -> HttpResponse:
    claim = perms.claim_get_for_viewer(viewer=request.user, pk=pk, request=request)
    policy.require(request.user, policy.APPROVE_CLAIMS)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the reason the claim is not approved.")
        return redirect("reciprocity:claim", claim.pk)
    try:
        services.claim_reject(claim=claim, reason=form.cleaned_data["reason"], by=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, f"Claim {claim.reference} was not approved. They can see why.")
    return redirect("reciprocity:claim", claim.pk)


@login_required
@require_POST
def claim_submit(request: HttpRequest, pk: int) -> HttpResponse:
    claim = perms.claim_get_for_viewer(viewer=request.user, pk=pk, request=request)
    try:
        services.claim_submit(claim=claim, by=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, f"Claim {claim.reference} has been sent for approval.")
    return redirect("reciprocity:claim", claim.pk)


@login_required
@require_POST
def claim_paid(request: HttpRequest, pk: int) -> HttpResponse:
    claim = perms.claim_get_for_viewer(viewer=request.user, pk=pk, request=request)
    policy.require(request.user, policy.PAY_CLAIMS)
    form = PaidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter the date it was paid.")
        return redirect("reciprocity:claim", claim.pk)
    try:
        services.claim_mark_paid(claim=claim, paid_on=form.cleaned_data["paid_on"], by=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, f"Claim {claim.reference} is marked as paid.")
    return redirect("reciprocity:claim", claim.pk)


@login_required
@require_http_methods(["GET", "POST"])
def exports(request: HttpRequest) -> HttpResponse:
    """GET: the batches sent to finance. POST: make a new batch of every approved claim not yet
    in one (LED-15)."""
    policy.require(request.user, policy.PAY_CLAIMS)
    if request.method == "POST":
        try:
            batch = services.claims_export(by=request.user)
        except ValidationError as error:
            _refused(request, error)
            return redirect("reciprocity:exports")
        messages.success(
            request,
            f"Export {batch.pk} made: {batch.claim_count} claims, {pounds(batch.total_pence)}. "
            "Download it and send it to finance.",
        )
        return redirect("reciprocity:export", batch.pk)
    context = {
        "batches": list(ExportBatch.objects.select_related("created_by")[:50]),
        "waiting": len(selectors.claims_waiting()["to_pay"]),
    }
    return render(request, "reciprocity/exports.html", context)


@login_required
@require_GET
def export_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = perms.batch_get_for_staff(viewer=request.user, pk=pk, request=request)
    claims = list(batch.claims.select_related("claimant").order_by("pk"))
    context = {
        "batch": batch,
        "claims": claims,
        "unpaid": sum(1 for c in claims if c.status == c.Status.APPROVED),
        "paid_form": PaidForm(initial={"paid_on": timezone.localdate()}),
    }
    return render(request, "reciprocity/export_detail.html", context)


@login_required
@require_GET
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The file exactly as it was made, every time (LED-15), as an attachment (IO-5)."""
    batch = perms.batch_get_for_staff(viewer=request.user, pk=pk, request=request)
    response = HttpResponse(batch.csv_text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{batch.filename}"'
    return response


@login_required
@require_POST
def export_paid(request: HttpRequest, pk: int) -> HttpResponse:
    batch = perms.batch_get_for_staff(viewer=request.user, pk=pk, request=request)
    form = PaidForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter the date finance paid this export.")
        return redirect("reciprocity:export", batch.pk)
    try:
        count = services.batch_mark_paid(
            batch=batch, paid_on=form.cleaned_data["paid_on"], by=request.user
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, f"{count} claims marked as paid.")
    return redirect("reciprocity:export", batch.pk)
