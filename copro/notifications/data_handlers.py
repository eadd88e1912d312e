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


def _erase_notifications(user) -> None:
    from copro.notifications.models import LocalTextMessage, Notification

    # The local store of texts holds the phone number: it goes with the notifications.
    LocalTextMessage.objects.filter(delivery__notification__recipient=user).delete()
    Notification.objects.filter(recipient=user).delete()  # deliveries go with them (cascade)


def register_all() -> None:
    from copro.notifications.models import Notification, Preference, QuietHours

    your_data.register(
        Notification,
        label="Things we told you about",
        export=_notifications,
        erase=_erase_notifications,
    )
    your_data.register(
        Preference,
        label="How you want to hear about things",
        export=lambda user: your_data.rows(
            Preference.objects.filter(person=user), "kind", "routes", "frequency"
        ),
        erase=your_data.delete_rows(Preference, "person"),
    )
    your_data.register(
        QuietHours,
        label="Your quiet hours for text messages",
        export=lambda user: your_data.rows(
            QuietHours.objects.filter(person=user), "starts", "ends"
        ),
        erase=your_data.delete_rows(QuietHours, "person"),
    )
