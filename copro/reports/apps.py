from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "copro.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from copro.reports.data_handlers import register_all

        register_all()
