from django.apps import AppConfig

from changes.registry import track


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Network alerts"

    def ready(self) -> None:
        from .models import Alert  # models load only once the app registry is ready

        # Replicas hold every translation and pick the reader's language themselves, offline.
        track(Alert, "alert", sync_exclude=("localized",))
