"""Text messages: what a text says, and the backends that send it.

A text carries a first name, the kind of event in the words the app registered (never the
notification's own title or body, which may name a meeting, an amount or a person) and a link.
So no text can carry special category data or more personal data than a first name (NTF-1).

NOTIFY_BACKEND chooses the backend: "local" (the default) stores each message in the database
for the demo and tests; "govuk" sends through GOV.UK Notify with NOTIFY_API_KEY and
NOTIFY_SMS_TEMPLATE_ID (a template whose whole content is the placeholder ((message))).
"""

from __future__ import annotations

from django.conf import settings

from copro.notifications import kinds

# Two text fragments at most: longer messages cost more and are split on older phones.
TEXT_MAX_CHARS = 306


class TemporaryFailure(Exception):
    """The message service could not take the message now: try again later."""


class PermanentFailure(Exception):
    """The message service refused the message: trying again would not help."""


def first_name(person) -> str:
    name = (person.display_name or "").strip().split(" ")[0]
    return name[:30]


def text_content(*, person, kind_code: str, count: int = 1) -> str:
    """The whole message, within TEXT_MAX_CHARS."""
    link = f"{settings.SITE_URL.rstrip('/')}/notifications/"
    if count > 1:
        what = f"you have {count} new updates"
    else:
        what = kinds.get(kind_code).label.rstrip(".")
        what = what[:1].lower() + what[1:]
    greeting = f"Hello {first_name(person)}. " if first_name(person) else "Hello. "
    tail = f". See {link}"
    room = TEXT_MAX_CHARS - len(greeting) - len(tail) - len(settings.SERVICE_NAME) - 2
    return f"{greeting}{settings.SERVICE_NAME}: {what[:room]}{tail}"


class LocalBackend:
    """Stores the message instead of sending it (demo, tests, and a council not using Notify)."""

    def send(self, *, phone_number: str, content: str, reference: str, delivery=None) -> str:
        from copro.notifications.models import LocalTextMessage

        message = LocalTextMessage.objects.create(
            delivery=delivery, phone_number=phone_number, content=content
        )
        return f"local-{message.pk}"


class GovukNotifyBackend:
    """GOV.UK Notify, through notifications-python-client."""

    def send(self, *, phone_number: str, content: str, reference: str, delivery=None) -> str:
        from notifications_python_client.errors import HTTPError
        from notifications_python_client.notifications import NotificationsAPIClient

        client = NotificationsAPIClient(settings.NOTIFY_API_KEY)
        try:
            response = client.send_sms_notification(
                phone_number=phone_number,
                template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"message": content},
                reference=reference,
            )
        except HTTPError as error:
            # 400 and 403 mean the message or the key is wrong: retrying will not help.
            status = error.status_code
            if status in (400, 403):
                raise PermanentFailure(f"Notify refused the message ({status})") from None
            raise TemporaryFailure(f"Notify did not take the message ({status})") from None
        except OSError as error:
            name = type(error).__name__
            raise TemporaryFailure(f"Notify could not be reached ({name})") from None
        return str(response.get("id", ""))[:100]


BACKENDS = {"local": LocalBackend, "govuk": GovukNotifyBackend}


def backend():
    return BACKENDS[getattr(settings, "NOTIFY_BACKEND", "local")]()
