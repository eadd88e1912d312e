from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "copro.reports"
    label = "reports"
    verbose_name = "Reports"
