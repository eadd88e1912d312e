from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "copro.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self) -> None:
        from copro.meetings import evidence_signals, telling
        from copro.meetings.data_handlers import register_all

        register_all()
        telling.register_kinds()
        evidence_signals.register()
