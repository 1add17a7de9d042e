"""Filters for campaigns and events: by campaign, country, organization and date range."""

from datetime import UTC, date, datetime, time, timedelta

import django_filters

from core.filters import BaseFilterSet, IdFilter, StrictBooleanFilter
from core.serializers import COUNTRY_CHOICES
from core.visibility import Visibility

from .models import Campaign, Event


def day_start(day) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


class CampaignFilter(BaseFilterSet):
    visibility = django_filters.ChoiceFilter(choices=Campaign.Level.choices)
    slug = django_filters.CharFilter()
    active_on = django_filters.DateFilter(
        method="filter_active_on", help_text="Campaigns running on this date."
    )

    search_fields = ("name", "hashtag", "description", "demands")

    class Meta:
        model = Campaign
        fields = []

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(start_date__lte=value, end_date__gte=value)


class EventFilter(BaseFilterSet):
    campaign = IdFilter(field_name="campaign_id")
    campaign_slug = django_filters.CharFilter(field_name="campaign__slug")
    organization = IdFilter(field_name="organization_id")
    country = django_filters.ChoiceFilter(choices=COUNTRY_CHOICES, field_name="country")
    is_online = StrictBooleanFilter()
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    date_from = django_filters.DateFilter(
        method="filter_date_from", help_text="Events still running on or after this day (UTC)."
    )
    date_to = django_filters.DateFilter(
        method="filter_date_to", help_text="Events starting on or before this day (UTC)."
    )

    search_fields = ("title", "description", "city", "place", "organization__name")

    class Meta:
        model = Event
        fields = []

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(ends_at__gte=day_start(value))

    def filter_date_to(self, queryset, name, value):
        if value == date.max:
            return queryset  # every event starts on or before the last day there is
        return queryset.filter(starts_at__lt=day_start(value + timedelta(days=1)))
