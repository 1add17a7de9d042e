"""Filters for alerts: the current ones, by audience."""

import django_filters
from django.utils import timezone

from core.filters import BaseFilterSet, StrictBooleanFilter
from core.visibility import Visibility

from .models import Alert


class AlertFilter(BaseFilterSet):
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    current = StrictBooleanFilter(
        method="filter_current", help_text="true: not expired yet; false: expired, not purged yet."
    )

    search_fields = ("text",)

    class Meta:
        model = Alert
        fields = []

    def filter_current(self, queryset, name, value):
        now = timezone.now()
        return queryset.current(now) if value else queryset.expired(now)
