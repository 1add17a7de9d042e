"""List filters for organizations and contact points."""

import django_filters

from core.filters import (
    BaseFilterSet,
    CodeFilter,
    CountryListFilter,
    IdFilter,
    StaleFilter,
    StrictBooleanFilter,
    language_filter,
    topic_filter,
)
from core.visibility import Visibility

from .models import ContactPoint, Organization


class OrganizationFilter(BaseFilterSet):
    country = CountryListFilter(field_name="countries")
    language = language_filter()
    kind = CodeFilter(field_name="kinds", choices=Organization.Kind.choices)
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    verified = StrictBooleanFilter(help_text="Verified by the network office.")

    search_fields = ("name", "slug", "description")

    class Meta:
        model = Organization
        fields = ["verified"]


class ContactPointFilter(BaseFilterSet):
    country = CountryListFilter(field_name="countries")
    language = language_filter()
    topic = topic_filter()
    organization = IdFilter(field_name="organization_id")
    organization_slug = django_filters.CharFilter(field_name="organization__slug")
    channel = django_filters.ChoiceFilter(choices=ContactPoint.Channel.choices)
    status = django_filters.ChoiceFilter(choices=ContactPoint.Status.choices)
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    stale = StaleFilter(help_text="Not verified within the configured age.")

    search_fields = ("label", "value", "hours", "organization__name")

    class Meta:
        model = ContactPoint
        fields = []
