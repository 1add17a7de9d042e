"""Your e-mail preferences as the API shows them under /me/notifications/."""

from rest_framework import serializers

from core.serializers import StrictInputMixin

from .models import MailPreferences


class MailPreferencesSerializer(StrictInputMixin, serializers.ModelSerializer):
    """Which e-mails you receive and in which language; invitations are always sent."""

    class Meta:
        model = MailPreferences
        fields = ["language", "stale_digest", "responses", "messages"]
