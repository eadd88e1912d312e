from django.apps import AppConfig


class ReadinessConfig(AppConfig):
    name = "copro.readiness"
    label = "readiness"
    verbose_name = "Organisation readiness and co-production audits"

    def ready(self) -> None:
        from copro.readiness.data_handlers import register_all

        register_all()
