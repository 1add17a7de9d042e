"""Filters for the funding ledger."""

import django_filters

from core.filters import BaseFilterSet, IdFilter

from .models import LedgerEntry


class LedgerEntryFilter(BaseFilterSet):
    kind = django_filters.ChoiceFilter(choices=LedgerEntry.Kind.choices)
    recipient = IdFilter(field_name="recipient_id")
    campaign = IdFilter(field_name="campaign_id")
    currency = django_filters.CharFilter(field_name="currency", lookup_expr="iexact", max_length=3)
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    search_fields = ("purpose", "reference", "recipient__name")

    class Meta:
        model = LedgerEntry
        fields = []
