from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "copro.ops"
    label = "ops"
    verbose_name = "Operations"
