from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "copro.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self) -> None:
        from copro.meetings import evidence_signals
        from copro.meetings.data_handlers import register_all

        register_all()
        evidence_signals.register()
