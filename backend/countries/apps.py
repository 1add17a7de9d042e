from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "countries"
    verbose_name = "Country profiles"

    def ready(self) -> None:
        from changes.registry import track

        from .models import Country

        track(Country, "country", key="code")
