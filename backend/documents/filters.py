"""List filters for documents; `q` is the same full-text match as the search endpoint."""

import django_filters

from core.filters import BaseFilterSet, CountryListFilter, IdFilter, topic_filter
from core.visibility import Visibility
from core.vocabulary import LANGUAGE_CHOICES
from search import registry
from search.services import matching

from .models import Document


class DocumentFilter(BaseFilterSet):
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, help_text="ISO 639-1 code.")
    country = CountryListFilter(field_name="countries")
    topic = topic_filter()
    organization = IdFilter(field_name="organization_id")
    organization_slug = django_filters.CharFilter(field_name="organization__slug", max_length=80)
    status = django_filters.ChoiceFilter(choices=Document.Status.choices)
    visibility = django_filters.ChoiceFilter(choices=Visibility.choices)
    translation_group = django_filters.UUIDFilter(help_text="All languages of one document.")

    search_fields = ("title", "summary", "body")

    class Meta:
        model = Document
        fields = []

    def filter_q(self, queryset, name, value):
        return matching(registry.get("document"), queryset, value)
