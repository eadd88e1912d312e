from django.apps import AppConfig


class ReciprocityConfig(AppConfig):
    name = "copro.reciprocity"
    label = "reciprocity"
    verbose_name = "Reciprocity: getting something back"

    def ready(self) -> None:
        from copro.reciprocity import evidence, telling
        from copro.reciprocity.data_handlers import register_all

        register_all()
        telling.register_kinds()
        evidence.register()
