from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "copro.people"
    label = "people"
    verbose_name = "People"

    def ready(self) -> None:
        from copro.people import sessions  # noqa: F401  (keeps the list of signed-in sessions)
        from copro.people.data_handlers import register_all, register_external

        register_all()
        register_external()
