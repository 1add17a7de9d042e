"""Filters for the funding ledger."""

import django_filters
from drf_spectacular.utils import extend_schema_field

from core.filters import BaseFilterSet, IdFilter

from .models import LedgerEntry


@extend_schema_field({"type": "string", "minLength": 3, "maxLength": 3, "description": "ISO 4217 code."})
class CurrencyFilter(django_filters.CharFilter):
    """A currency code in any case; its length is declared in the contract, which CharFilter's is not."""


class LedgerEntryFilter(BaseFilterSet):
    kind = django_filters.ChoiceFilter(choices=LedgerEntry.Kind.choices)
    recipient = IdFilter(field_name="recipient_id")
    campaign = IdFilter(field_name="campaign_id")
    currency = CurrencyFilter(field_name="currency", lookup_expr="iexact", min_length=3, max_length=3)
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    search_fields = ("purpose", "reference", "recipient__name")

    class Meta:
        model = LedgerEntry
        fields = []
