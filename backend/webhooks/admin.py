"""The network office's view of webhook endpoints and their delivery log."""

from django.contrib import admin

from .models import WebhookDelivery, WebhookEndpoint


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    """Endpoints are registered through the API, which makes their secret and shows it once, and stay
    with their organization (webhooks/serializers.py)."""

    list_display = ["url", "organization", "is_active", "consecutive_failures", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "organization__name"]
    exclude = ["sealed_secret"]
    readonly_fields = ["organization", "cursor", "consecutive_failures", "disabled_at", "created_by"]

    def has_add_permission(self, request):
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log, to read."""

    list_display = ["event_type", "endpoint", "status", "attempts", "last_status_code", "created_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]

    def has_add_permission(self, request):
        return False
