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
        kinds.register("training_changed", "A training session you are on has changed")
        kinds.register(
            "training_cancelled", "A training session you are on is cancelled", urgent=True
        )
