from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "copro.projects"
    label = "projects"
    verbose_name = "Projects"

    def ready(self) -> None:
        from copro.projects import telling
        from copro.projects.data_handlers import register_all
        from copro.projects.joining import register_kinds

        register_all()
        register_kinds()
        telling.register_kinds()
