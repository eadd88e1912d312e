from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "copro.learning"
    label = "learning"
    verbose_name = "Learning and growth"

    def ready(self) -> None:
        from copro.learning.data_handlers import register_all
        from copro.notifications import kinds

        register_all()
        kinds.register("training_reminder", "Training you booked is coming up", urgent=True)
