"""The HSDS 3.1 objects we serve, their page envelope and the query of a list, for the contract.

These serializers render what `hsds.mapping` builds and describe it in the OpenAPI file.
A field that may be absent is `required=False`: HSDS leaves out what it does not know.
"""

from django.conf import settings
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

HSDS_VERSION = "3.1"
# The API follows HSDS itself, with no profile of its own: the profile it names is HSDS's documentation.
HSDS_PROFILE_URL = "https://docs.openreferral.org/en/latest/"
# HSDS's enumeration; Waypoint uses all but `inactive` (hsds.mapping.SERVICE_STATUS).
SERVICE_STATUS_CHOICES = [(value, value) for value in ("active", "inactive", "defunct", "temporarily closed")]


def optional(field_class, **kwargs):
    return field_class(required=False, **kwargs)


class HsdsPhoneSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    number = serializers.CharField(help_text="E.164.")
    type = serializers.CharField(help_text="RFC 6350: `voice` for a phone line, `text` for SMS.")
    description = optional(serializers.CharField, help_text="The contact point's label.")


class HsdsLanguageSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = serializers.CharField(help_text="The language's English name.")
    code = serializers.CharField(help_text="ISO 639-1.")


class HsdsScheduleSerializer(serializers.Serializer):
    """A weekly schedule (RFC 5545 recurrence fields), or only a free-text description."""

    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    freq = optional(serializers.ChoiceField, choices=["WEEKLY", "MONTHLY"])
    wkst = optional(serializers.ChoiceField, choices=["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
    interval = optional(serializers.IntegerField)
    byday = optional(serializers.CharField, help_text="Comma-separated days: `MO,TU,WE`.")
    opens_at = optional(serializers.CharField, help_text="HH:MM, wall-clock time in the zone `notes` names.")
    closes_at = optional(serializers.CharField, help_text="HH:MM; at or before `opens_at`: the next day.")
    description = optional(serializers.CharField, help_text="Holidays and exceptions, in free text.")
    notes = optional(serializers.CharField, help_text="The IANA time zone of the times.")


class HsdsServiceAreaSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = serializers.CharField(help_text="The country's English name.")
    extent = serializers.CharField(help_text="The country's ISO 3166-1 alpha-2 code.")
    extent_type = serializers.CharField(help_text="`text`.")


class HsdsLocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_type = serializers.ChoiceField(
        choices=["physical", "postal", "virtual"], help_text="`physical`."
    )
    organization_id = serializers.UUIDField()
    name = serializers.CharField(help_text="The organization's name and the office's label.")
    description = serializers.CharField(help_text="The office's address, as written.")


class HsdsServiceAtLocationSerializer(serializers.Serializer):
    """An office: its service, delivered at a place."""

    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    location = HsdsLocationSerializer()


class HsdsOrganizationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    website = optional(serializers.URLField)


class HsdsServiceSerializer(serializers.Serializer):
    """A contact point of an organization, as a service: how its help is reached."""

    id = serializers.UUIDField()
    organization_id = serializers.UUIDField()
    name = serializers.CharField(help_text="The organization's name and the contact's label (or channel).")
    description = serializers.CharField(help_text="The channel and the value: `Telegram: @name`.")
    status = serializers.ChoiceField(
        choices=SERVICE_STATUS_CHOICES,
        help_text=(
            "`active`; `temporarily closed` (paused) and `defunct` (compromised) only to its organization."
        ),
    )
    url = optional(serializers.URLField, help_text="The link that opens it (website, form, messenger).")
    email = optional(serializers.EmailField)
    application_process = optional(
        serializers.CharField, help_text="Security advice: how to reach it safely."
    )
    assured_date = optional(serializers.DateField, help_text="When it was last verified to work.")
    last_modified = serializers.DateTimeField(help_text="When it or its organization last changed.")
    phones = HsdsPhoneSerializer(many=True)
    schedules = HsdsScheduleSerializer(many=True)
    service_areas = HsdsServiceAreaSerializer(many=True, help_text="The countries it serves.")
    languages = HsdsLanguageSerializer(many=True)
    service_at_locations = HsdsServiceAtLocationSerializer(many=True, help_text="Its office, if it is one.")
    organization = HsdsOrganizationSerializer(required=False, help_text="Left out inside an organization.")


class HsdsOrganizationDetailSerializer(HsdsOrganizationSerializer):
    services = HsdsServiceSerializer(many=True, help_text="Its contact points you may see.")


class HsdsServiceAtLocationDetailSerializer(HsdsServiceAtLocationSerializer):
    service = HsdsServiceSerializer()


class HsdsRootSerializer(serializers.Serializer):
    version = serializers.CharField(help_text="The HSDS version of this API.")
    profile = serializers.URLField(help_text="The HSDS profile this API follows (none: HSDS itself).")
    openapi_url = serializers.URLField(help_text="This API's OpenAPI description (JSON).")


def page_serializer(item: type[serializers.Serializer], name: str) -> type[serializers.Serializer]:
    """The HSDS page envelope (`Page` in the HSDS API) around a list of `item`."""
    fields = {
        "total_items": serializers.IntegerField(help_text="How many objects match, on every page."),
        "total_pages": serializers.IntegerField(help_text="How many pages there are (1 when none match)."),
        "page_number": serializers.IntegerField(help_text="This page's number, from 1."),
        "size": serializers.IntegerField(help_text="How many objects this page holds."),
        "first_page": serializers.BooleanField(),
        "last_page": serializers.BooleanField(),
        "empty": serializers.BooleanField(help_text="Whether nothing matches."),
        "contents": item(many=True),
    }
    # One envelope per answer, though a list action answers it: not an array of envelopes.
    return extend_schema_serializer(many=False)(type(name, (serializers.Serializer,), fields))


HsdsOrganizationPageSerializer = page_serializer(HsdsOrganizationSerializer, "HsdsOrganizationPageSerializer")
HsdsServicePageSerializer = page_serializer(HsdsServiceSerializer, "HsdsServicePageSerializer")
HsdsServiceAtLocationPageSerializer = page_serializer(
    HsdsServiceAtLocationDetailSerializer, "HsdsServiceAtLocationPageSerializer"
)


class HsdsListQuerySerializer(serializers.Serializer):
    page = serializers.IntegerField(
        required=False, default=1, min_value=1, help_text="The page's number, from 1."
    )
    per_page = serializers.IntegerField(
        required=False,
        default=settings.REST_FRAMEWORK["PAGE_SIZE"],
        min_value=1,
        max_value=settings.API_MAX_PAGE_SIZE,
        help_text=f"Objects per page, at most {settings.API_MAX_PAGE_SIZE}.",
    )
    modified_after = serializers.DateTimeField(
        required=False, help_text="Only what changed at or after this time (ISO 8601; UTC without an offset)."
    )


class HsdsServiceQuerySerializer(HsdsListQuerySerializer):
    organization_id = serializers.UUIDField(
        required=False, help_text="Only the services of this organization."
    )
