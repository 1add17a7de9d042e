"""The change feed in the Django admin: an audit log to read, never to edit.

The feed is append-only (sync cursors and audits depend on it), so the admin offers no
add, change or delete, not even to superusers.
"""

from django.contrib import admin

from .models import Change


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    list_display = ["seq", "at", "actor", "action", "object_type", "object_id", "changed_fields"]
    list_filter = ["object_type", "action"]
    list_select_related = ["actor"]
    search_fields = ["=object_id"]
    search_help_text = "Exact object id, e.g. 12 (or a country code such as DE)."
    date_hierarchy = "at"
    fields = [
        "seq", "at", "actor", "action", "object_type", "object_id", "fields",
        "audience_before", "audience_after", "owners",
    ]  # fmt: skip

    @admin.display(description="fields")
    def changed_fields(self, obj: Change) -> str:
        return ", ".join(sorted(obj.fields))

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
