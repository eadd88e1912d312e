from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "copro.community"
    label = "community"
    verbose_name = "Advice clinics and case studies"

    def ready(self) -> None:
        from copro.community.data_handlers import register_all

        register_all()
