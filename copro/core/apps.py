from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "copro.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from copro.core import audit  # noqa: F401  (connects the sign-in event log)
        from copro.core.logging import install_record_factory

        install_record_factory()
        from copro.core import pseudo

        pseudo.install()  # harmless when the pseudo-language is not offered
