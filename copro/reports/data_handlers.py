"""Reports' entries in the export and erasure registry (copro.people.your_data).

A person's report schedules are theirs: exported with the addresses they send to, and stopped
and removed when the account is deleted, so no report goes out in their name afterwards."""

from copro.people import your_data


def _schedules(user) -> list[dict]:
    from copro.reports.models import ReportSchedule

    return [
        {
            "report": schedule.subject_name,
            "how_often": schedule.get_frequency_display(),
            "sent_to": list(schedule.recipients),
            "stopped_at": schedule.stopped_at.isoformat() if schedule.stopped_at else None,
            "sends": schedule.sends.count(),
        }
        for schedule in ReportSchedule.objects.filter(owner=user).select_related("project")
    ]


def register_all() -> None:
    from copro.reports.models import ReportSchedule

    your_data.register(
        ReportSchedule,
        label="Reports you send on a schedule",
        export=_schedules,
        erase=lambda user: ReportSchedule.objects.filter(owner=user).delete(),
    )
