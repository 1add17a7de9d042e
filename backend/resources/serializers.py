"""Resources, responses and messages as clients read and write them."""

from decimal import Decimal

from django.utils.translation import gettext as _
from rest_framework import serializers

from core.references import VisibleReferenceField
from core.serializers import (
    OwnedByOrganizationMixin,
    StrictInputMixin,
    ViewerContextMixin,
    countries_field,
    languages_field,
    value_after,
    visibility_field,
)
from core.vocabulary import CURRENCY_CHOICES

from .models import Resource, ResourceResponse, ResponseMessage


class ResourceSerializer(StrictInputMixin, OwnedByOrganizationMixin, serializers.ModelSerializer):
    """An offer or request of one organization to the network."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    countries = countries_field()
    languages = languages_field()
    amount = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        allow_null=True,
        help_text="Required for funding, with `currency`.",
    )
    currency = serializers.ChoiceField(
        CURRENCY_CHOICES, required=False, allow_blank=True, help_text="ISO 4217 code; required with `amount`."
    )
    visibility = visibility_field(required=False)
    status = serializers.ChoiceField(
        Resource.EFFECTIVE_STATUS_CHOICES,
        required=False,
        help_text=(
            "open → in_progress → fulfilled | withdrawn (an open resource may also be withdrawn). "
            "Reads show `expired` for an open or in-progress resource past `valid_until`; "
            "`expired` cannot be written, extend `valid_until` instead."
        ),
    )
    workflow_status = serializers.CharField(
        source="status", read_only=True, help_text="The stored workflow status, without expiry."
    )

    class Meta:
        model = Resource
        # Text a person writes has a bound, so the contract declares it and a client can check it.
        extra_kwargs = {"description": {"max_length": 5000}}
        fields = [
            "id",
            "kind",
            "category",
            "organization",
            "organization_name",
            "title",
            "description",
            "countries",
            "languages",
            "amount",
            "currency",
            "capacity",
            "valid_until",
            "visibility",
            "status",
            "workflow_status",
            "is_example",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "is_example", "version", "created_at", "updated_at"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["status"] = getattr(instance, "current_status", None) or instance.effective_status
        return data

    def validate_status(self, value):
        if value == Resource.EXPIRED:
            raise serializers.ValidationError(_("`expired` follows from `valid_until`; it cannot be set."))
        return value

    def validate(self, attrs):
        attrs = super().validate(attrs)
        value = {
            name: value_after(self, attrs, name) for name in ("category", "amount", "currency", "capacity")
        }
        errors = {}
        if value["amount"] is not None and not value["currency"]:
            errors["currency"] = _("Give the currency of the amount (ISO 4217, e.g. EUR).")
        if value["currency"] and value["amount"] is None:
            errors["amount"] = _("A currency needs an amount.")
        if value["category"] == Resource.Category.FUNDING:
            if value["amount"] is None:
                errors["amount"] = _("Funding needs an amount.")
        elif not (value["capacity"] or "").strip() and value["amount"] is None:
            errors["capacity"] = _("Say what and how much is offered or needed (e.g. “2 beds for a month”).")
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class MatchSerializer(ResourceSerializer):
    """An open resource of the opposite kind that fits, with how much it overlaps."""

    overlap = serializers.IntegerField(read_only=True, help_text="Shared countries plus shared languages.")

    class Meta(ResourceSerializer.Meta):
        fields = [*ResourceSerializer.Meta.fields, "overlap"]


class ResourceResponseSerializer(StrictInputMixin, OwnedByOrganizationMixin, serializers.ModelSerializer):
    """Another organization's answer to a resource; seen by the two organizations only."""

    organization_name = VisibleReferenceField(
        source="organization.name", model="organizations.Organization", key="organization_id"
    )
    resource_title = VisibleReferenceField(
        source="resource.title", model="resources.Resource", key="resource_id"
    )
    resource_organization = serializers.IntegerField(source="resource.organization_id", read_only=True)
    resource_organization_name = VisibleReferenceField(
        source="resource.organization.name",
        model="organizations.Organization",
        key="resource__organization_id",
    )

    class Meta:
        model = ResourceResponse
        fields = [
            "id",
            "resource",
            "resource_title",
            "resource_organization",
            "resource_organization_name",
            "organization",
            "organization_name",
            "message",
            "contribution",
            "status",
            "decided_at",
            "decision_note",
            "is_example",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "status",
            "decided_at",
            "decision_note",
            "is_example",
            "version",
            "created_at",
            "updated_at",
        ]
        validators = []  # one response per organization is checked by the service, with a clearer message
        extra_kwargs = {
            "organization": {"help_text": "The responding organization; you must coordinate it."},
            "message": {"help_text": "What you want to tell the owning organization.", "max_length": 5000},
            "contribution": {"max_length": 2000},
        }

    def get_fields(self):
        fields = super().get_fields()
        resource = fields["resource"]
        if "request" in self.context and not resource.read_only:
            resource.queryset = Resource.objects.visible_to(self.viewer)
        return fields


class ResourceResponseUpdateSerializer(ResourceResponseSerializer):
    """The responder may reword a pending response; what it answers, and for whom, stay."""

    class Meta(ResourceResponseSerializer.Meta):
        read_only_fields = [*ResourceResponseSerializer.Meta.read_only_fields, "resource", "organization"]


class DecisionSerializer(StrictInputMixin, serializers.Serializer):
    note = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, help_text="Optional reason."
    )


class ResponseMessageSerializer(StrictInputMixin, ViewerContextMixin, serializers.ModelSerializer):
    """A message in the thread of a response."""

    organization_name = VisibleReferenceField(
        source="organization.name", model="organizations.Organization", key="organization_id"
    )
    author_name = serializers.CharField(source="author.username", read_only=True, allow_null=True)

    class Meta:
        model = ResponseMessage
        fields = ["id", "response", "organization", "organization_name", "author_name", "body", "created_at"]
        read_only_fields = ["id", "response", "organization", "created_at"]
        extra_kwargs = {"body": {"max_length": 10000}}
