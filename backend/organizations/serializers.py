"""Organization and contact point representations; values are normalized per channel."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from core.representation import Computed
from core.serializers import (
    AdminOnlyFieldsMixin,
    CodeListField,
    OwnedByOrganizationMixin,
    StrictInputMixin,
    countries_field,
    languages_field,
    topics_field,
    value_after,
    visibility_field,
)
from core.validators import https_url, normalize_contact_value

from .models import ContactPoint, Organization


class OrganizationSerializer(StrictInputMixin, AdminOnlyFieldsMixin, serializers.ModelSerializer):
    """A partner organization; its visibility caps that of everything it owns."""

    countries = countries_field(help_text="Countries of operation (ISO 3166-1 alpha-2).")
    languages = languages_field()
    kinds = CodeListField(Organization.Kind.choices, help_text="Kinds of work.")
    visibility = visibility_field(required=False)
    website = serializers.URLField(required=False, allow_blank=True, max_length=200, validators=[https_url])

    admin_only_fields = ("verified", "slug")

    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "slug",
            "description",
            "countries",
            "kinds",
            "languages",
            "website",
            "visibility",
            "verified",
            "is_example",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "is_example", "version", "created_at", "updated_at"]
        extra_kwargs = {"description": {"max_length": 5000}}


class ContactPointSerializer(
    StrictInputMixin, AdminOnlyFieldsMixin, OwnedByOrganizationMixin, serializers.ModelSerializer
):
    """One way to reach an organization; the value is normalized for its channel."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    languages = languages_field(min_length=1, required=True)
    countries = countries_field(help_text="Countries served (ISO 3166-1 alpha-2).")
    topics = topics_field()
    visibility = visibility_field(required=False)
    is_stale = serializers.BooleanField(read_only=True, help_text="Not verified within the configured age.")

    computed_fields = {"is_stale": Computed(("last_verified_at",), ContactPoint.is_stale_at)}

    class Meta:
        model = ContactPoint
        fields = [
            "id",
            "organization",
            "organization_name",
            "channel",
            "value",
            "label",
            "languages",
            "countries",
            "topics",
            "hours",
            "security_advice",
            "status",
            "status_reason",
            "visibility",
            "last_verified_at",
            "is_stale",
            "is_example",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "last_verified_at", "is_example", "version", "created_at", "updated_at"]
        extra_kwargs = {"security_advice": {"max_length": 2000}}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        channel, value = value_after(self, attrs, "channel"), value_after(self, attrs, "value")
        if channel and value is not None and ("channel" in attrs or "value" in attrs):
            try:
                attrs["value"] = normalize_contact_value(channel, value)
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"value": exc.messages}) from exc
        return attrs
