from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    """The way in: "Get involved", "Contact us", the staff queue, people without email, and the
    "What's next for you" providers for the signed-in home page."""

    name = "copro.frontdoor"
    label = "frontdoor"
    verbose_name = "The way in"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from copro.frontdoor import todo
        from copro.frontdoor.data_handlers import register_all

        register_all()
        todo.register_all()
