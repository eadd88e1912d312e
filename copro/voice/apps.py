from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "copro.voice"
    label = "voice"
    verbose_name = "The members' own word: confirmations, check-ins and outcomes"

    def ready(self) -> None:
        from copro.core import todo
        from copro.notifications import kinds
        from copro.projects.evidence.signals import register_signal
        from copro.voice.data_handlers import register_all
        from copro.voice.experience import experience_signal
        from copro.voice.todo import records_to_confirm

        register_all()
        todo.register(records_to_confirm)
        kinds.register("voice_ask", "Something recorded about you is waiting for you to confirm")
        kinds.register("voice_asked_again", "A record you questioned has been checked")
        kinds.register("voice_contested", "Someone says a record in your project is not right")
        register_signal("experience", replace=True)(experience_signal)
