"""Sign-in lockout that a stranger cannot use as a weapon (AUTH-1, issue 14).

django-axes locks the pair of account and address, and an address that fails across accounts
(settings.AXES_LOCKOUT_PARAMETERS). So ten wrong passwords typed by someone else, from their
own address, no longer lock a member of staff out everywhere. An account is locked from every
address only when the failures come from several addresses at once (many machines guessing one
password): at least AXES_ACCOUNT_ADDRESSES addresses and AXES_ACCOUNT_LIMIT failures within the
cool-off. Every lock lifts by itself after the cool-off, so nobody is shut out for good.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if not username:
            return failures
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        seen = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
            total=Sum("failures_since_start"), addresses=Count("ip_address", distinct=True)
        )
        if (seen["addresses"] or 0) >= settings.AXES_ACCOUNT_ADDRESSES and (
            seen["total"] or 0
        ) >= settings.AXES_ACCOUNT_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
