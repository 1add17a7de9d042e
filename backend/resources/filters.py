"""List filters for resources and responses."""

import django_filters
from django.db.models import Q

from core.filters import BaseFilterSet, CountryListFilter, IdFilter, language_filter
from core.viewer import request_viewer
from core.visibility import Visibility

from .models import Resource, ResourceResponse


class ResourceFilter(BaseFilterSet):
    kind = django_filters.ChoiceFilter(choices=Resource.Kind.choices)
    category = django_filters.ChoiceFilter(choices=Resource.Category.choices)
    status = django_filters.ChoiceFilter(
        choices=Resource.EFFECTIVE_STATUS_CHOICES,
        method="filter_status",
        help_text="Effective status: `expired` selects open or in-progress resources past `valid_until`.",
    )
    country = CountryListFilter(field_name="countries")
    language = language_filter()
    organization = IdFilter(field_name="organization_id")
    organization_slug = django_filters.CharFilter(field_name="organization__slug")
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    valid_on = django_filters.DateFilter(
        method="filter_valid_on", help_text="Only resources still valid on this date (or without an end)."
    )

    search_fields = ("title", "description", "capacity", "organization__name")

    class Meta:
        model = Resource
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.with_effective_status(value)

    def filter_valid_on(self, queryset, name, value):
        return queryset.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=value))


class ResourceResponseFilter(BaseFilterSet):
    resource = IdFilter(field_name="resource_id")
    organization = IdFilter(field_name="organization_id", help_text="The responding organization.")
    status = django_filters.ChoiceFilter(choices=ResourceResponse.Status.choices)
    direction = django_filters.ChoiceFilter(
        choices=[("received", "Received"), ("sent", "Sent")],
        method="filter_direction",
        help_text="received: responses to your organizations' resources; sent: your organizations' own.",
    )

    search_fields = ("message", "contribution", "resource__title", "organization__name")

    class Meta:
        model = ResourceResponse
        fields = []

    def filter_direction(self, queryset, name, value):
        member_of = request_viewer(self.request).member_of
        if value == "received":
            return queryset.filter(resource__organization_id__in=member_of)
        return queryset.filter(organization_id__in=member_of)
