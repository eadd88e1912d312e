"""Reconciliation of the ledger (LED-14): what `copro ledger-check` reports.

- every transaction has two or more entries that sum to zero;
- every account's cached balance equals the sum of its entries;
- nobody but the issuer is below zero, and all balances together sum to zero.
A few grouped queries, whatever the size of the ledger.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from copro.reciprocity.models import Account, Transaction


@dataclass
class Report:
    unbalanced: list[tuple[int, int, int]] = field(default_factory=list)  # (id, entries, sum)
    drifted: list[tuple[int, str, int, int]] = field(
        default_factory=list
    )  # (id, name, cached, sum)
    overdrawn: list[tuple[int, str, int]] = field(default_factory=list)
    total_balance: int = 0
    transactions: int = 0
    accounts: int = 0

    @property
    def clean(self) -> bool:
        return not (self.unbalanced or self.drifted or self.overdrawn or self.total_balance)

    def lines(self) -> list[str]:
        out = [f"Checked {self.transactions} transactions and {self.accounts} accounts."]
        for pk, count, total in self.unbalanced:
            out.append(f"Transaction {pk} does not balance: {count} entries summing to {total:+d}.")
        for pk, name, cached, total in self.drifted:
            out.append(
                f"Account {pk} ({name}) shows a balance of {cached} but its entries sum to {total}."
            )
        for pk, name, balance in self.overdrawn:
            out.append(f"Account {pk} ({name}) is below zero: {balance}.")
        if self.total_balance:
            out.append(f"All balances together sum to {self.total_balance:+d}, not 0.")
        out.append("The ledger is in order." if self.clean else "The ledger needs attention.")
        return out


def ledger_check() -> Report:
    report = Report()
    report.transactions = Transaction.objects.count()
    report.unbalanced = list(
        Transaction.objects.annotate(
            lines=Count("entries"), total=Coalesce(Sum("entries__amount"), 0)
        )
        .filter(Q(lines__lt=2) | ~Q(total=0))
        .order_by("pk")
        .values_list("pk", "lines", "total")
    )
    accounts = Account.objects.annotate(total=Coalesce(Sum("entries__amount"), 0)).select_related(
        "person", "partner"
    )
    for account in accounts.iterator():
        report.accounts += 1
        report.total_balance += account.balance
        if account.balance != account.total:
            report.drifted.append((account.pk, str(account), account.balance, account.total))
        if account.kind != Account.Kind.ISSUER and account.balance < 0:
            report.overdrawn.append((account.pk, str(account), account.balance))
    return report


def balances_sum() -> int:
    return Account.objects.aggregate(total=Coalesce(Sum("balance"), 0))["total"]
