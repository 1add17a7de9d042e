from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        from . import retry  # noqa: F401 (connects the retry receiver to task_finished)
