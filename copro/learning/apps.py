from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "copro.learning"
    label = "learning"
    verbose_name = "Learning and growth"

    def ready(self) -> None:
        from copro.learning.data_handlers import register_all

        register_all()
