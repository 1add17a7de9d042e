"""Organization and contact point representations; values are normalized per channel."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from core.representation import Computed
from core.serializers import (
    SOURCE_FIELDS,
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
from core.translation_fields import TRANSLATABLE_FIELD_NAMES, translatable
from core.validators import https_url, normalize_contact_value

from .models import ContactPoint, Organization
from .services import contact_point_check_value

ORGANIZATION_TEXT_LIMITS = {"name": 200, "description": 5000}
CONTACT_TEXT_LIMITS = {"label": 200, "hours": 200, "security_advice": 2000}
OrganizationTranslatable = translatable(Organization, ORGANIZATION_TEXT_LIMITS)
ContactPointTranslatable = translatable(ContactPoint, CONTACT_TEXT_LIMITS)


class OrganizationSerializer(
    StrictInputMixin, AdminOnlyFieldsMixin, OrganizationTranslatable, serializers.ModelSerializer
):
    """A partner organization; its visibility caps that of everything it owns."""

    countries = countries_field(help_text="Countries of operation (ISO 3166-1 alpha-2).")
    languages = languages_field()
    kinds = CodeListField(Organization.Kind.choices, help_text="Kinds of work.")
    visibility = visibility_field(required=False)
    website = serializers.URLField(required=False, allow_blank=True, max_length=200, validators=[https_url])

    admin_only_fields = ("verified", "slug")
    computed_fields = OrganizationTranslatable.computed_fields

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
            *SOURCE_FIELDS,
            *TRANSLATABLE_FIELD_NAMES,
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "is_example",
            *SOURCE_FIELDS,
            "version",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"description": {"max_length": ORGANIZATION_TEXT_LIMITS["description"]}}


class ContactPointSerializer(
    StrictInputMixin,
    AdminOnlyFieldsMixin,
    OwnedByOrganizationMixin,
    ContactPointTranslatable,
    serializers.ModelSerializer,
):
    """One way to reach an organization; the value is normalized for its channel."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    languages = languages_field(min_length=1, required=True)
    countries = countries_field(help_text="Countries served (ISO 3166-1 alpha-2).")
    topics = topics_field()
    visibility = visibility_field(required=False)
    is_stale = serializers.BooleanField(read_only=True, help_text="Not verified within the configured age.")

    computed_fields = {
        "is_stale": Computed(("last_verified_at",), ContactPoint.is_stale_at),
        **ContactPointTranslatable.computed_fields,
    }

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
            *SOURCE_FIELDS,
            *TRANSLATABLE_FIELD_NAMES,
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "last_verified_at",
            "is_example",
            *SOURCE_FIELDS,
            "version",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {"security_advice": {"max_length": CONTACT_TEXT_LIMITS["security_advice"]}}

    def validate(self, attrs):
        attrs = super().validate(attrs)
        channel, value = value_after(self, attrs, "channel"), value_after(self, attrs, "value")
        if channel and value is not None and ("channel" in attrs or "value" in attrs):
            try:
                attrs["value"] = normalize_contact_value(channel, value)
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"value": exc.messages}) from exc
        if self.instance is None or {"channel", "value", "status"} & attrs.keys():
            contact_point_check_value(
                viewer=self.viewer,
                channel=channel,
                value=attrs.get("value", value),
                status=value_after(self, attrs, "status") or ContactPoint.Status.ACTIVE,
                instance=self.instance,
            )
        return attrs
