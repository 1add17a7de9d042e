from django.apps import AppConfig


class SyncConfig(AppConfig):
    name = "sync"
    verbose_name = "Sync for offline clients and mirrors"

    def ready(self) -> None:
        from . import schema  # noqa: F401  (registers the OpenAPI extension for `data`)
