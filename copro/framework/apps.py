from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    name = "copro.framework"
    label = "framework"
    verbose_name = "Co-production guidance"
