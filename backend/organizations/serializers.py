"""Organization and contact point representations; values are normalized per channel."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from rest_framework import serializers

from core.errors import PayloadTooLarge
from core.representation import Computed, datetime_text
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

from .hours import CLOCK, open_state, validate_hours, validate_schedule
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


class ScheduleRowSerializer(serializers.Serializer):
    """One weekly opening: a closing time at or before the opening time closes the next day."""

    weekday = serializers.IntegerField(
        min_value=1, max_value=7, help_text="ISO weekday: 1 Monday … 7 Sunday."
    )
    opens_at = serializers.RegexField(CLOCK, max_length=5, help_text="HH:MM, wall-clock time in `time_zone`.")
    closes_at = serializers.RegexField(
        CLOCK, max_length=5, help_text="HH:MM, wall-clock time in `time_zone`."
    )


def _open_now(rows, time_zone):
    state = open_state(rows, time_zone, timezone.now())
    return None if state is None else state.open_now


def _next_change_text(rows, time_zone):
    state = open_state(rows, time_zone, timezone.now())
    return None if state is None else datetime_text(state.next_change_at)


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
    opening_hours = serializers.ListField(
        child=ScheduleRowSerializer(),
        required=False,
        validators=[validate_schedule],
        help_text="Weekly opening hours in `time_zone`; exceptions go in the free-text `hours`.",
    )
    open_now = serializers.BooleanField(
        read_only=True,
        allow_null=True,
        help_text="Open at the time of the request; null without opening hours.",
    )
    next_change_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When it next opens (or closes, if open now); null without opening hours or any opening.",
    )

    computed_fields = {
        "is_stale": Computed(("last_verified_at",), ContactPoint.is_stale_at),
        "opening_hours": Computed(("opening_hours",), lambda rows: rows or []),
        "open_now": Computed(("opening_hours", "time_zone"), _open_now),
        "next_change_at": Computed(("opening_hours", "time_zone"), _next_change_text),
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
            "opening_hours",
            "time_zone",
            "open_now",
            "next_change_at",
            "security_advice",
            "status",
            "status_reason",
            "visibility",
            "last_verified_at",
            "is_stale",
            "is_example",
            "external_id",
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
        if {"opening_hours", "time_zone"} & attrs.keys():
            try:
                validate_hours(
                    value_after(self, attrs, "opening_hours"), value_after(self, attrs, "time_zone")
                )
            except DjangoValidationError as exc:
                raise serializers.ValidationError({"time_zone": exc.messages}) from exc
        return attrs


class ContactPointImportSerializer(StrictInputMixin, serializers.Serializer):
    """A CSV file of contact points, as a form upload (`multipart/form-data`)."""

    file = serializers.FileField(
        help_text=(
            "UTF-8 CSV (a byte order mark is allowed), a header line of column names, then one contact "
            "per line. Required columns: external_id, channel, value, languages; optional: label, "
            "countries, topics, hours, time_zone, security_advice, status, status_reason, visibility, "
            "source_language. Lists are comma-separated codes (`ru, en`)."
        )
    )

    def validate_file(self, file):
        if file.size > settings.CSV_IMPORT_MAX_BYTES:
            raise PayloadTooLarge()
        return file


class ImportOptionsSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField(
        default=False, help_text="Only check the file and report what would change; nothing is saved."
    )


class ImportRowSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="The row's number in the file; the header is row 1.")
    external_id = serializers.CharField()
    action = serializers.ChoiceField(["created", "updated", "unchanged"])
    id = serializers.IntegerField(
        allow_null=True, help_text="The contact point; null for one a dry run would create."
    )


class ImportReportSerializer(serializers.Serializer):
    """What an import did (or, on a dry run, would do): every row of the file."""

    dry_run = serializers.BooleanField()
    created = serializers.IntegerField(help_text="Rows that add a contact.")
    updated = serializers.IntegerField(help_text="Rows that change their contact.")
    unchanged = serializers.IntegerField(help_text="Rows whose contact is already as the row says.")
    rows = ImportRowSerializer(many=True)
