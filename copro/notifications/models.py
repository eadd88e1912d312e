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
    # A calendar file (.ics) e-mailed with it: a meeting's new time, or its cancellation.
    calendar = models.TextField(blank=True)
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


class Channel(models.TextChoices):
    SERVICE = "service", "In this service"
    EMAIL = "email", "Email"
    TEXT = "text", "Text message"
    POST = "post", "Letter by post"


class Delivery(models.Model):
    """One notification on one channel, with its own state, so one channel failing never holds
    up another and a failure is retried rather than lost (NTF-1).

    Unique per notification and channel: nothing is sent twice on the same route. A sender first
    claims the row with a conditional UPDATE (queued -> sending), so of two senders only one
    goes ahead, on SQLite and PostgreSQL alike.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Not sent yet"
        HELD = "held", "Waiting for your summary"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        IN_SUMMARY = "in_summary", "Sent in your summary"
        FAILED = "failed", "Not sent: we could not send it"

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Not before this moment: a retry's backoff, the end of quiet hours, or the summary's day.
    next_try_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # What went wrong last, in general words (the kind of error), never an address or contents.
    last_error = models.CharField(max_length=200, blank=True)
    # The text message service's id for the message, to look it up there.
    provider_ref = models.CharField(max_length=100, blank=True)
    # The summary notification that carried this one, when the person chose a summary.
    included_in = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="notifications_delivery_once"
            ),
        ]
        indexes = [
            # The sweep and the summaries: rows on a channel in a state that are due.
            models.Index(
                fields=["state", "channel", "next_try_at"], name="notifications_delivery_due"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.get_state_display()}"


class Preference(models.Model):
    """How one person wants to hear about one kind of event: the routes, and now or a summary."""

    class Frequency(models.TextChoices):
        NOW = "now", "Straight away"
        DAILY = "daily", "In one summary a day"
        WEEKLY = "weekly", "In one summary a week"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=60)
    routes = models.JSONField(default=list, blank=True)  # channels besides "in this service"
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.NOW)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="notifications_pref_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person} - {self.kind}"


class QuietHours(models.Model):
    """Hours in which a person gets no text messages; they are held until the hours end."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiet_hours"
    )
    starts = models.TimeField()
    ends = models.TimeField()

    def __str__(self) -> str:
        return f"{self.starts:%H:%M} to {self.ends:%H:%M}"


class LocalTextMessage(models.Model):
    """A text message the local backend 'sent': kept so the demo and tests can read it."""

    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone_number = models.CharField(max_length=30)
    content = models.CharField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Text to {self.phone_number[-3:]}"
