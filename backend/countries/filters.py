"""Country profile filters."""

from django.db.models import Q

from core.filters import BaseFilterSet, StrictBooleanFilter

from .models import Country


class CountryFilter(BaseFilterSet):
    stale = StrictBooleanFilter(method="filter_stale", help_text="Not reviewed within the configured age.")

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

    def filter_stale(self, queryset, name, value):
        stale = Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=Country.reviewed_cutoff())
        return queryset.filter(stale) if value else queryset.exclude(stale)
