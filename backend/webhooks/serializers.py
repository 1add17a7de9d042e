"""Webhook endpoints and their delivery log as a coordinator reads them; the secret only when made."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.serializers import OwnedByOrganizationMixin, StrictInputMixin

from . import events
from .addresses import RefusedAddress, resolve
from .models import WebhookDelivery, WebhookEndpoint

URL_HELP = "An HTTPS address on the public internet; redirects are not followed."
SECRET_HELP = (
    "The signing secret (`whsec_` and base64), shown once: in the answer to the creation and to "
    "each rotation, never again. Verify every delivery with it (Standard Webhooks)."
)


class WebhookEndpointSerializer(StrictInputMixin, OwnedByOrganizationMixin, serializers.ModelSerializer):
    """An address that receives signed events of what its organization may see."""

    event_types = serializers.ListField(
        child=serializers.ChoiceField(choices=events.subscription_choices()),
        allow_empty=False,
        max_length=200,
        help_text="Events to receive: `<type>.created`, `<type>.updated`, `<type>.deleted`, or `<type>.*`.",
    )
    is_active = serializers.BooleanField(
        required=False,
        help_text="false: nothing is sent. Set it true again to resume, with what happened meanwhile.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = [
            "id",
            "organization",
            "url",
            "description",
            "event_types",
            "is_active",
            "disabled_reason",
            "disabled_at",
            "consecutive_failures",
            "created_by",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "disabled_reason",
            "disabled_at",
            "consecutive_failures",
            "created_by",
            "version",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "url": {"help_text": "An HTTPS address on the public internet; redirects are not followed."}
        }

    def validate_organization(self, organization):
        """Not moved, not even by the network office: the address and secret are the registering
        organization's, and a move would send another organization's data there."""
        organization = super().validate_organization(organization)
        if self.instance is not None and organization.pk != self.instance.organization_id:
            raise serializers.ValidationError(
                _("An endpoint stays with the organization that registered it; register a new one.")
            )
        if self.instance is None and organization.webhook_endpoints.count() >= settings.WEBHOOK_MAX_ENDPOINTS:
            raise serializers.ValidationError(
                _("This organization has %(count)d endpoints, the most it may have; delete one first.")
                % {"count": settings.WEBHOOK_MAX_ENDPOINTS}
            )
        return organization

    def validate_url(self, value: str) -> str:
        try:
            resolve(value)
        except RefusedAddress as exc:
            raise serializers.ValidationError(str(exc)) from exc
        return value

    def validate_event_types(self, value: list[str]) -> list[str]:
        unique = list(dict.fromkeys(value))
        if len(unique) != len(value):
            raise serializers.ValidationError(_("Name each event type once."))
        return unique


class WebhookEndpointWithSecretSerializer(WebhookEndpointSerializer):
    """An endpoint as created or given a new secret: the one answer that holds the secret."""

    secret = serializers.CharField(read_only=True, help_text=SECRET_HELP)

    class Meta(WebhookEndpointSerializer.Meta):
        fields = [*WebhookEndpointSerializer.Meta.fields, "secret"]
        read_only_fields = [*WebhookEndpointSerializer.Meta.read_only_fields, "secret"]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    """One event sent (or being sent) to an endpoint, and its last attempt."""

    event_id = serializers.CharField(
        source="message_id", read_only=True, help_text="The `webhook-id` header."
    )

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event_id",
            "event_type",
            "object_type",
            "object_id",
            "status",
            "attempts",
            "last_status_code",
            "last_error",
            "last_duration_ms",
            "created_at",
            "last_attempt_at",
            "next_attempt_at",
            "delivered_at",
        ]
        read_only_fields = fields
