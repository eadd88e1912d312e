"""One function per message type. Links use the configured site address (CFG-5)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from copro.projects.models import Contribution


def send_response_to_raiser(*, contribution_id: int) -> None:
    contribution = (
        Contribution.objects.select_related("project", "raised_by")
        .filter(pk=contribution_id)
        .first()
    )
    if contribution is None or not contribution.raised_by.email:
        return
    context = {"contribution": contribution, "site_url": settings.SITE_URL}
    send_mail(
        subject=" ".join(f"An answer to what you said about {contribution.project.title}".split())[
            :150
        ],
        message=render_to_string("projects/email/response.txt", context),
        from_email=None,
        recipient_list=[contribution.raised_by.email],
        fail_silently=False,
    )
