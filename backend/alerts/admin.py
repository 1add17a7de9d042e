from django.contrib import admin

from .models import Alert


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["text", "source_language", "visibility", "organization", "expires_at", "is_example"]
    list_filter = ["visibility", "source_language", "is_example"]
    search_fields = ["text"]
    autocomplete_fields = ["organization"]
    fields = [
        "text",
        "source_language",
        "translations",
        "visibility",
        "organization",
        "expires_at",
        "is_example",
    ]
    readonly_fields = ["version", "created_at", "updated_at"]
