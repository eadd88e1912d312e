"""Reminders that a decision is due for review: sent once, when the review date arrives, to the
people who run the project (and the members, so everyone can take part in the review)."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from copro.projects.models import Decision


def review_reminders_send(*, today: date | None = None) -> int:
    """Send each due reminder once. Safe to run again and from several processes: a decision
    is claimed (marked reminded) in the same transaction that finds it."""
    today = today or timezone.localdate()
    sent = 0
    due = Decision.objects.filter(
        status=Decision.Status.DECIDED, review_on__lte=today, review_reminded_on__isnull=True
    ).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            claimed = Decision.objects.filter(pk=pk, review_reminded_on__isnull=True).update(
                review_reminded_on=today
            )
            if not claimed:
                continue
            decision = Decision.objects.select_related("project").get(pk=pk)
            members = decision.project.memberships.filter(left_on__isnull=True).select_related(
                "user"
            )
            recipients = sorted(
                {m.user.email for m in members if m.user.email and m.user.is_active}
            )
            if not recipients:
                continue
            context = {"decision": decision, "site_url": settings.SITE_URL}
            message = render_to_string("projects/email/review_due.txt", context)
            subject = f"Time to look again at a decision: {decision.title}"[:150]
            # One message each, so nobody sees the others' addresses.
            send_mass_mail([(subject, message, None, [to]) for to in recipients])
            sent += 1
    return sent
