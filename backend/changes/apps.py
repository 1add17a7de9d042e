from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "changes"
    verbose_name = "Change feed"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the recorders)
