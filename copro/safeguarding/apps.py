from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "copro.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding concerns"

    def ready(self) -> None:
        from copro.notifications import kinds
        from copro.safeguarding.data_handlers import register_all

        kinds.register(
            "safeguarding_concern",
            "Someone raises a safeguarding concern (safeguarding leads only)",
            urgent=True,
        )
        register_all()
