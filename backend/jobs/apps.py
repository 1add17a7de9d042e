from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        from . import checks, retry  # noqa: F401 (registers the check; connects the retry receiver)
