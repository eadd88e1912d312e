from django.conf import settings
from django.db import models


class Notification(models.Model):
    """One thing one person was told, kept as their history (shown on their notifications page).

    `event_key` names the event (for example "meeting:12:changed:3"); together with the recipient
    it is unique, so telling someone about the same event twice - a retry, a double click, two
    workers - stores and sends it once (NTF-1).
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60)
    event_key = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=5000, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"], name="notifications_once_per_event"
            ),
        ]
        indexes = [
            # The unread count in the header: recipient's notifications not yet read.
            models.Index(fields=["recipient", "read_at"], name="notifications_unread"),
        ]

    def __str__(self) -> str:
        return self.title
