"""Notifications in the export and erasure registry (copro.people.your_data)."""

from copro.people import your_data


def _notifications(user) -> list[dict]:
    from copro.notifications.models import Notification

    return your_data.rows(
        Notification.objects.filter(recipient=user),
        "kind",
        "title",
        "body",
        "created_at",
        "read_at",
    )


def register_all() -> None:
    from copro.notifications.models import Notification

    your_data.register(
        Notification,
        label="Things we told you about",
        export=_notifications,
        erase=lambda user: Notification.objects.filter(recipient=user).delete(),
    )
