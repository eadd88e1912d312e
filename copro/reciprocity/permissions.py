"""One getter per resource. Someone else's claim, expense or statement answers 404, exactly like
one that does not exist (AZ-1); functions someone's role may not use answer 403 (policy.py)."""

from django.http import Http404, HttpRequest

from copro.people.models import User
from copro.reciprocity import policy
from copro.reciprocity.models import Expense, ExportBatch, PaymentClaim, Reward, Transaction


def _refuse(request: HttpRequest | None, kind: str):
    if request is not None:
        request.refused_object_type = kind
    return Http404


def person_get_for_viewer(*, viewer: User, pk: int, request=None) -> User:
    """Whose thanks `viewer` may see: their own, or anyone's for council staff."""
    if pk == viewer.pk:
        return viewer
    if not policy.allowed(viewer, policy.SEE_PEOPLES_THANKS):
        raise _refuse(request, "person")
    person = User.objects.filter(pk=pk).first()
    if person is None:
        raise _refuse(request, "person")
    return person


def claim_get_for_viewer(*, viewer: User, pk: int, request=None) -> PaymentClaim:
    """The person paid sees their claim (not a draft someone is still writing); staff see all."""
    claims = PaymentClaim.objects.select_related("claimant", "created_by", "approved_by")
    if not policy.allowed(viewer, policy.APPROVE_CLAIMS):
        claims = claims.filter(claimant=viewer).exclude(status=PaymentClaim.Status.DRAFT)
    claim = claims.filter(pk=pk).first()
    if claim is None:
        raise _refuse(request, "payment claim")
    return claim


def expense_get_for_viewer(*, viewer: User, pk: int, request=None) -> Expense:
    expenses = Expense.objects.select_related("person")
    if not policy.allowed(viewer, policy.DECIDE_EXPENSES):
        expenses = expenses.filter(person=viewer)
    expense = expenses.filter(pk=pk).first()
    if expense is None:
        raise _refuse(request, "expense")
    return expense


def reward_get_for_staff(*, viewer: User, pk: int, request=None) -> Reward:
    policy.require(viewer, policy.CONFIRM_REWARDS)
    reward = (
        Reward.objects.select_related("person", "activity_type", "project").filter(pk=pk).first()
    )
    if reward is None:
        raise _refuse(request, "reward")
    return reward


def batch_get_for_staff(*, viewer: User, pk: int, request=None) -> ExportBatch:
    policy.require(viewer, policy.PAY_CLAIMS)
    batch = ExportBatch.objects.filter(pk=pk).first()
    if batch is None:
        raise _refuse(request, "export batch")
    return batch


def transaction_get_for_reversal(*, viewer: User, pk: int, request=None) -> Transaction:
    policy.require(viewer, policy.REVERSE_CREDITS)
    txn = Transaction.objects.filter(pk=pk).first()
    if txn is None:
        raise _refuse(request, "ledger transaction")
    return txn


def recognition_get_for_viewer(*, viewer: User, pk: int, request=None):
    """A certificate or letter: the person it thanks, or council staff; anyone else 404."""
    from copro.reciprocity.models import Recognition

    item = Recognition.objects.select_related("person", "project").filter(pk=pk).first()
    if item is None or (
        item.person_id != viewer.pk and not policy.allowed(viewer, policy.SEE_PEOPLES_THANKS)
    ):
        raise _refuse(request, "recognition")
    return item
