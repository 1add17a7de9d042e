"""List filters for organizations and contact points."""

import django_filters
from rest_framework.filters import OrderingFilter

from core.filters import (
    BaseFilterSet,
    CodeFilter,
    CountryListFilter,
    IdFilter,
    IdsFilter,
    StaleFilter,
    StrictBooleanFilter,
    language_filter,
    topic_filter,
)
from core.visibility import Visibility

from . import ranking
from .models import ContactPoint, Organization
from .ranking import RELEVANCE


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
    country = CountryListFilter(
        method="filter_country",
        help_text=(
            "Contacts listing this country. With `ordering=relevance`: the contacts serving it (listed, "
            "or listing none while their organization works there) and those of network-wide offices."
        ),
    )
    language = language_filter()
    topic = topic_filter()
    ids = IdsFilter(field_name="id", help_text="Contact points by id, comma-separated: `ids=3,8`.")
    organization = IdFilter(field_name="organization_id")
    organization_slug = django_filters.CharFilter(field_name="organization__slug")
    channel = django_filters.ChoiceFilter(choices=ContactPoint.Channel.choices)
    status = django_filters.ChoiceFilter(choices=ContactPoint.Status.choices)
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    stale = StaleFilter(help_text="Not verified within the configured age.")

    search_fields = ("label", "value", "hours", "organization__name")

    def filter_country(self, queryset, name, value):
        if (
            self.request is not None
            and self.request.query_params.get("ordering", "").lstrip("-") == RELEVANCE
        ):
            return queryset.filter(ranking.shown_q(value))
        return queryset.filter(countries__contains=value)

    class Meta:
        model = ContactPoint
        fields = []


class ContactPointOrdering(OrderingFilter):
    """The usual `ordering` fields, and `relevance`: the rule of docs/design.md for the chosen
    `country` and the preferred language (the `language` filter, else `Accept-Language`)."""

    def get_valid_fields(self, queryset, view, context=None):
        return [*super().get_valid_fields(queryset, view, context or {}), (RELEVANCE, "relevance")]

    def get_schema_operation_parameters(self, view):
        (parameter,) = super().get_schema_operation_parameters(view)
        parameter["description"] = (
            "`updated_at`, `created_at`, `last_verified_at`, `channel` (`-` before a name: descending), or "
            "`relevance`: with `country`, the contacts of organizations working there and serving it, then "
            "other contacts serving it, then network-wide offices (without `country`: the offices first); "
            "within each, those speaking the preferred language (the `language` filter, else the first "
            "known language of `Accept-Language`), then active ones, then the most recently verified "
            "(never verified last), then by id. Default: by organization name, channel and id."
        )
        return [parameter]

    def filter_queryset(self, request, queryset, view):
        wanted = request.query_params.get(self.ordering_param, "")
        if wanted.lstrip("-") != RELEVANCE:
            return super().filter_queryset(request, queryset, view)
        country = request.query_params.get("country") or None
        language = ranking.preferred_language(request, request.query_params.get("language"))
        return ranking.by_relevance(queryset, country, language, descending=wanted.startswith("-"))
