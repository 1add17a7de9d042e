"""Country profile filters."""

from core.filters import BaseFilterSet, StaleFilter

from .models import Country


class CountryFilter(BaseFilterSet):
    stale = StaleFilter(help_text="Not reviewed within the configured age.")

    search_fields = (
        "conscription",
        "conscientious_objection",
        "mobilization",
        "penalties",
        "asylum_practice",
    )

    class Meta:
        model = Country
        fields = []
