from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "copro.notifications"
    label = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from copro.notifications import kinds
        from copro.notifications.data_handlers import register_all

        register_all()
        # A summary gathers what was held back; it is never held back itself.
        kinds.register("summary", "You have new updates", urgent=True)
        kinds.register("service_news", "News about this service")
