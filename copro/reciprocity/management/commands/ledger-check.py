"""`copro ledger-check`: reconcile the time-credit ledger (LED-14). Exit 0 when it is in order;
exit 1 with a plain report naming each bad row when it is not. Run it from cron, after a
restore (FLT-11), and in CI."""

from django.core.management.base import BaseCommand

from copro.reciprocity.reconciliation import ledger_check


class Command(BaseCommand):
    help = "Check that every ledger transaction balances and every cached balance is right."

    def handle(self, *args, **options):
        report = ledger_check()
        for line in report.lines():
            self.stdout.write(line)
        if not report.clean:
            raise SystemExit(1)
