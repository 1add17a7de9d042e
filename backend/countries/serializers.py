"""Country profile representation; sources are titled https links."""

from django.conf import settings
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.serializers import StrictInputMixin, ViewerContextMixin
from core.validators import https_url
from documents.models import Document
from documents.serializers import DocumentCardSerializer
from organizations.models import Organization
from organizations.serializers import OrganizationSerializer

from .models import Country

PROFILE_LIST_CAP = 50
PROFILE_TEXT_MAX = 20000


class SourceSerializer(StrictInputMixin, serializers.Serializer):
    title = serializers.CharField(max_length=300)
    url = serializers.URLField(validators=[https_url])


class CountrySerializer(StrictInputMixin, serializers.ModelSerializer):
    code = CountryField(help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField(source="code.name", read_only=True)
    sources = SourceSerializer(many=True, required=False, max_length=50)
    is_stale = serializers.BooleanField(read_only=True, help_text="Not reviewed within the configured age.")
    reviewed_by = serializers.SerializerMethodField(help_text="Who last reviewed the profile.")

    class Meta:
        model = Country
        fields = [
            "code",
            "name",
            "conscription",
            "conscientious_objection",
            "mobilization",
            "penalties",
            "asylum_practice",
            "sources",
            "last_reviewed",
            "reviewed_by",
            "is_stale",
            "is_example",
            "version",
            "updated_at",
        ]
        read_only_fields = ["is_example", "version", "updated_at"]
        extra_kwargs = {
            name: {"max_length": PROFILE_TEXT_MAX}
            for name in (
                "conscription",
                "conscientious_objection",
                "mobilization",
                "penalties",
                "asylum_practice",
            )
        }

    def get_reviewed_by(self, country) -> str | None:
        user = country.reviewed_by
        if user is None:
            return None
        return user.get_full_name() or user.get_username()

    def validate_code(self, code):
        if self.instance is not None and str(self.instance.code) != str(code):
            raise serializers.ValidationError("The country code of a profile cannot change.")
        if self.instance is None and Country.objects.filter(code=code).exists():
            raise serializers.ValidationError("A profile for this country exists already.")
        return code


class CountryDetailSerializer(ViewerContextMixin, CountrySerializer):
    """One profile with the published guides and the organizations for that country you may see."""

    review_warning = serializers.SerializerMethodField(
        help_text="Set when the profile has not been reviewed within the configured age."
    )
    guides = serializers.SerializerMethodField(
        help_text=f"Published documents about this country you may see (at most {PROFILE_LIST_CAP})."
    )
    organizations = serializers.SerializerMethodField(
        help_text=f"Organizations working in this country you may see (at most {PROFILE_LIST_CAP})."
    )

    class Meta(CountrySerializer.Meta):
        fields = [*CountrySerializer.Meta.fields, "review_warning", "guides", "organizations"]

    def get_review_warning(self, country) -> str | None:
        if not country.is_stale:
            return None
        months = round(settings.COUNTRY_PROFILE_STALE_DAYS / 30.4)
        if country.last_reviewed is None:
            return "This profile has never been reviewed; check the sources before relying on it."
        return (
            f"Last reviewed on {country.last_reviewed.isoformat()}, more than {months} months ago; "
            "the situation may have changed."
        )

    @extend_schema_field(DocumentCardSerializer(many=True))
    def get_guides(self, country) -> list[dict]:
        guides = (
            Document.objects.visible_to(self.viewer)
            .filter(status=Document.Status.PUBLISHED, countries__contains=str(country.code))
            .select_related("organization")
            .order_by("title", "id")[:PROFILE_LIST_CAP]
        )
        return DocumentCardSerializer(guides, many=True).data

    @extend_schema_field(OrganizationSerializer(many=True))
    def get_organizations(self, country) -> list[dict]:
        organizations = (
            Organization.objects.visible_to(self.viewer)
            .filter(countries__contains=str(country.code))
            .order_by("name", "id")[:PROFILE_LIST_CAP]
        )
        # As the organization list shows them, so a client reads both with one type.
        return OrganizationSerializer(organizations, many=True, context=self.context).data
