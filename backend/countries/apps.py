from django.apps import AppConfig

from changes.registry import track
from search.registry import Searchable, register


class CountriesConfig(AppConfig):
    name = "countries"
    verbose_name = "Country profiles"

    def ready(self) -> None:
        from .models import Country  # models load only once the app registry is ready
        from .names import country_profiles_named, country_title

        track(Country, "country", key="code", sync_exclude=("localized",))
        register(
            Searchable(
                type_name="country",
                model=Country,
                fields=(
                    ("conscientious_objection", "B"),
                    ("conscription", "B"),
                    ("mobilization", "B"),
                    ("penalties", "C"),
                    ("asylum_practice", "B"),
                    ("translations", "C"),
                ),
                title_field="code",
                title_of=country_title,
                snippet_fields=("asylum_practice", "conscientious_objection", "conscription"),
                url_name="country-detail",
                url_kwarg="code",
                url_attr="code",
                country_code_field="code",
                extra_match=country_profiles_named,
            )
        )
