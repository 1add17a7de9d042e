"""Campaigns and events; event times read and write in the event's own time zone."""

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.core.validators import RegexValidator
from django.utils import timezone as dj_timezone
from rest_framework import serializers

from core.serializers import (
    COUNTRY_CHOICES,
    SOURCE_FIELDS,
    OwnedByOrganizationMixin,
    StrictInputMixin,
    value_after,
    visibility_field,
)
from core.validators import https_url

from .models import CalendarFeed, Campaign, Event, validate_time_zone

# Whitespace around is trimmed; the pattern is also the contract's, so clients see the rule.
HASHTAG = re.compile(r"^\s*(#?\w{2,79})\s*$")


class CampaignSerializer(StrictInputMixin, serializers.ModelSerializer):
    visibility = serializers.ChoiceField(
        Campaign.Level.choices,
        required=False,
        help_text="public: anyone; network: active members of the network.",
    )

    class Meta:
        model = Campaign
        # Text a person writes has a bound, so the contract declares it and a client can check it.
        extra_kwargs = {
            "demands": {"max_length": 5000},
            "description": {"max_length": 5000},
            "hashtag": {
                "validators": [
                    RegexValidator(HASHTAG, "A hashtag is letters, digits and _, such as #RightToRefuse.")
                ]
            },
        }
        fields = [
            "id",
            "name",
            "slug",
            "hashtag",
            "start_date",
            "end_date",
            "demands",
            "description",
            "visibility",
            "is_example",
            *SOURCE_FIELDS,
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

    def validate_hashtag(self, value):
        """Stored with one leading #; the field's validator has checked the form."""
        return "#" + HASHTAG.match(value).group(1).removeprefix("#") if value else value

    def validate(self, attrs):
        attrs = super().validate(attrs)
        start, end = value_after(self, attrs, "start_date"), value_after(self, attrs, "end_date")
        if start and end and end < start:
            raise serializers.ValidationError({"end_date": "The campaign cannot end before it starts."})
        return attrs


class LocalDateTimeField(serializers.DateTimeField):
    """Keeps a time without offset as given, so `validate()` can read it in the event's time zone."""

    def enforce_timezone(self, value):
        return value if dj_timezone.is_naive(value) else super().enforce_timezone(value)


class CountryCodeField(serializers.ChoiceField):
    """One country code; an empty country reads as ""."""

    def to_representation(self, value):
        return str(getattr(value, "code", value) or "")


TIME_HELP = (
    "ISO 8601. With an offset it is that instant; without one it is wall-clock time in `timezone`: "
    "a time the clocks skip is refused, a time they pass twice is the first of the two. "
    "Read back with the offset of `timezone`."
)


def event_instant(value: datetime, zone: ZoneInfo) -> datetime:
    """The instant `value` names in `zone`, or a ValidationError saying why there is none.

    A wall-clock time in the hour the clocks skip (02:30 on the night summer time begins) never
    happens; Python would quietly shift it by the gap, so it is refused. A time the clocks pass twice
    (autumn) is read as its first occurrence (`fold=0`), the earlier instant, as announced in
    TIME_HELP; an offset names the other one. The instant must also exist in UTC, where it is
    stored, and in `zone`, where it is read back: a datetime cannot go past year 9999 or before 1.
    """
    try:
        if dj_timezone.is_aware(value):
            value.astimezone(zone)
            return value.astimezone(UTC)
        local = value.replace(tzinfo=zone)
        instant = local.astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) != value:
            raise serializers.ValidationError(
                f"{value:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks skip it; "
                "give a time after the change or an offset."
            )
        return instant
    except OverflowError as exc:
        raise serializers.ValidationError(
            f"This time cannot be represented in UTC and {zone.key}; "
            "give a date between the years 2 and 9998."
        ) from exc


class EventSerializer(StrictInputMixin, OwnedByOrganizationMixin, serializers.ModelSerializer):
    """An event an organization holds, online or at a place, usually within a campaign."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    campaign_name = serializers.CharField(source="campaign.name", read_only=True, allow_null=True)
    starts_at = LocalDateTimeField(help_text=TIME_HELP)
    ends_at = LocalDateTimeField(help_text=TIME_HELP)
    timezone = serializers.CharField(
        max_length=64, validators=[validate_time_zone], help_text="IANA time zone, e.g. Europe/Berlin."
    )
    country = CountryCodeField(
        COUNTRY_CHOICES, required=False, allow_blank=True, help_text="ISO 3166-1 alpha-2."
    )
    link = serializers.URLField(required=False, allow_blank=True, validators=[https_url])
    visibility = visibility_field(required=False)

    class Meta:
        model = Event
        # Text a person writes has a bound, so the contract declares it and a client can check it.
        extra_kwargs = {"description": {"max_length": 5000}}
        fields = [
            "id",
            "campaign",
            "campaign_name",
            "organization",
            "organization_name",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "timezone",
            "is_online",
            "place",
            "city",
            "country",
            "link",
            "visibility",
            "is_example",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "is_example", "version", "created_at", "updated_at"]

    def get_fields(self):
        fields = super().get_fields()
        if "request" in self.context:
            fields["campaign"].queryset = Campaign.objects.visible_to(self.viewer)
        return fields

    def validate(self, attrs):
        attrs = super().validate(attrs)
        zone = ZoneInfo(value_after(self, attrs, "timezone"))
        errors = {}
        for name in ("starts_at", "ends_at"):
            # A changed zone must still represent the times already stored.
            if name in attrs or "timezone" in attrs:
                try:
                    attrs[name] = event_instant(value_after(self, attrs, name), zone)
                except serializers.ValidationError as exc:
                    errors[name] = exc.detail
        if errors:
            raise serializers.ValidationError(errors)
        starts, ends = value_after(self, attrs, "starts_at"), value_after(self, attrs, "ends_at")
        if starts and ends and ends <= starts:
            errors["ends_at"] = "The event must end after it starts."
        if not value_after(self, attrs, "is_online"):
            for name in ("city", "country"):
                if not value_after(self, attrs, name):
                    errors[name] = "An event at a place needs its city and country; or mark it online."
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def to_representation(self, instance):
        data = super().to_representation(instance)
        zone = ZoneInfo(instance.timezone)
        for name in ("starts_at", "ends_at"):
            data[name] = getattr(instance, name).astimezone(zone).isoformat()
        return data


class CalendarFeedSerializer(serializers.Serializer):
    active = serializers.BooleanField(help_text="Whether you have a personal feed.")
    created_at = serializers.DateTimeField(allow_null=True)
    last_used_at = serializers.DateTimeField(
        allow_null=True, help_text="Last fetched by a calendar app (hourly)."
    )


class IssuedCalendarFeedSerializer(CalendarFeedSerializer):
    url = serializers.URLField(help_text="Your secret feed URL. Shown only now; keep it private.")


def feed_state(feed: CalendarFeed | None) -> dict:
    return {
        "active": feed is not None,
        "created_at": feed.created_at if feed else None,
        "last_used_at": feed.last_used_at if feed else None,
    }
