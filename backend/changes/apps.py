from django.apps import AppConfig


class ChangesConfig(AppConfig):
    name = "changes"
    verbose_name = "Change feed"

    def ready(self) -> None:
        from core.locks import provide_first_lock

        from .feed import lock_feed  # models load only once the app registry is ready

        provide_first_lock(lock_feed)
