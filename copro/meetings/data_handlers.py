"""Meetings' entries in the export and erasure registry (copro.people.your_data).

Invitations, replies and attendance are records the project's evidence depends on: they are
exported to the person and kept on erasure, linked to the anonymised placeholder. Needs given
for one meeting are health information: erased. The checklist lines stay (the evidence counts
them) with their free-text notes blanked."""

from copro.people import your_data


def _invitations(user) -> list[dict]:
    from copro.meetings.models import Invitee

    return [
        {
            "meeting": i.meeting.title,
            "project": i.meeting.host_title,
            "starts_at": i.meeting.starts_at.isoformat(),
            "your_reply": i.get_reply_display(),
        }
        for i in Invitee.objects.filter(user=user).select_related(
            "meeting__project", "meeting__group"
        )
    ]


def _erase_arrangements(user) -> None:
    from copro.meetings.models import Arrangement

    Arrangement.objects.filter(invitee__user=user).update(note="", label="An access need")


def register_all() -> None:
    from copro.meetings.models import (
        AgendaItem,
        Arrangement,
        Attendance,
        CalendarFeed,
        Invitee,
        MeetingAccessNeed,
    )

    keep = lambda user: None  # noqa: E731  (kept against the anonymous placeholder)
    your_data.register(
        Invitee, label="Meetings you were invited to", export=_invitations, erase=keep
    )
    your_data.register(
        MeetingAccessNeed,
        label="What you needed for a particular meeting",
        export=lambda u: your_data.rows(
            MeetingAccessNeed.objects.filter(invitee__user=u),
            "invitee__meeting__title",
            "need",
            "detail",
        ),
        erase=lambda u: MeetingAccessNeed.objects.filter(invitee__user=u).delete(),
    )
    your_data.register(
        Arrangement,
        label="Access arrangements made for you",
        export=lambda u: your_data.rows(
            Arrangement.objects.filter(invitee__user=u), "meeting__title", "label", "status"
        ),
        erase=_erase_arrangements,
    )
    your_data.register(
        Attendance,
        label="Meetings you came to",
        erase=keep,
        export=lambda u: your_data.rows(
            Attendance.objects.filter(user=u), "meeting__title", "status", "minutes"
        ),
    )
    your_data.register(
        AgendaItem,
        label="Agenda items you led",
        erase=keep,
        export=lambda u: your_data.rows(
            AgendaItem.objects.filter(lead=u), "meeting__title", "title", "minutes"
        ),
    )
    your_data.register(
        CalendarFeed,
        label="Your private calendar link",
        export=lambda u: your_data.rows(CalendarFeed.objects.filter(user=u), "created_at"),
        erase=your_data.delete_rows(CalendarFeed),
    )
