"""The representation of a network alert: its text in every language, its audience and expiry."""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from core.serializers import value_after, visibility_field
from core.translation_fields import TRANSLATABLE_FIELD_NAMES, translatable
from core.visibility import Visibility

from .models import Alert

ALERT_TEXT_LIMITS = {"text": 500}
AlertTranslatable = translatable(Alert, ALERT_TEXT_LIMITS)


class AlertSerializer(AlertTranslatable, serializers.ModelSerializer):
    """A notice of the network office; `source_language` marks the original text."""

    visibility = visibility_field(required=False)
    computed_fields = AlertTranslatable.computed_fields

    class Meta:
        model = Alert
        fields = [
            "id",
            "text",
            *TRANSLATABLE_FIELD_NAMES,
            "visibility",
            "organization",
            "expires_at",
            "is_example",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "is_example", "version", "created_at", "updated_at"]

    def validate_expires_at(self, value):
        if value <= timezone.now():
            raise serializers.ValidationError(_("An alert must expire in the future."))
        return value

    def validate(self, attrs):
        attrs = super().validate(attrs)
        visibility = value_after(self, attrs, "visibility") or Visibility.NETWORK
        if visibility == Visibility.RESTRICTED and value_after(self, attrs, "organization") is None:
            raise serializers.ValidationError(
                {"organization": _("A restricted alert is for the members of an organization: name it.")}
            )
        return attrs
