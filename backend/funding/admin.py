"""Django admin for the funding ledger."""

from django.contrib import admin

from .models import LedgerEntry


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "amount", "currency", "recipient", "purpose", "is_example"]
    list_filter = ["kind", "currency", "is_example"]
    search_fields = ["purpose", "reference", "recipient__name"]
    raw_id_fields = ["recipient", "campaign", "created_by"]
    date_hierarchy = "date"
