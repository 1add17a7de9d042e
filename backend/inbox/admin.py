"""Django admin: notifications, for support questions ("why did we not hear about this?")."""

from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "organization", "kind", "text"]
    list_filter = ["kind"]
    search_fields = ["text", "organization__name"]
    raw_id_fields = [
        "organization",
        "resource",
        "related_resource",
        "response",
        "contact_point",
        "actor",
        "actor_organization",
    ]
    readonly_fields = ["created_at"]
