"""The audit log's representation of a change-feed entry."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.viewer import request_viewer
from organizations.models import Organization

from .models import Change


@extend_schema_field({"description": "The field's value: any JSON value, null included."})
class FieldValue(serializers.JSONField):
    """An audited field's old or new value. Declared without a type: OAS 3.0 has no "any type or
    null" but the empty schema, and `nullable` without a `type` beside it means nothing."""


class ChangeSerializer(serializers.ModelSerializer):
    actor_username = serializers.CharField(
        source="actor.username",
        read_only=True,
        allow_null=True,
        help_text="Who made the change.",
    )
    fields = serializers.DictField(
        child=serializers.ListField(child=FieldValue(), min_length=2, max_length=2),
        read_only=True,
        help_text=(
            "The changed fields as `{name: [old, new]}`: all fields with `old` null on create, all with "
            "`new` null on delete. An update without fields was a save that changed no audited field "
            "(only its version), or re-evaluates an object because something it depends on changed "
            "(its organization's visibility or name, say)."
        ),
    )
    owners = serializers.SerializerMethodField(
        help_text="Ids of the organizations that own the object, of those you may see."
    )

    class Meta:
        model = Change
        fields = [
            "seq",
            "at",
            "actor",
            "actor_username",
            "object_type",
            "object_id",
            "action",
            "fields",
            "owners",
        ]
        read_only_fields = fields

    def get_owners(self, change: Change) -> list[int]:
        """Only owners the reader may see: an id they cannot see would reveal the organization
        and, on a membership entry, that a person belongs to it (docs/design.md, rule 3)."""
        owners = [int(part) for part in change.owners.split(",") if part]
        viewer = request_viewer(self.context["request"])
        if viewer.is_admin:
            return owners
        seen = self.context.get("visible_organizations")
        if seen is None:
            # Once per request, through the one choke point, for every entry of the page.
            seen = set(Organization.objects.visible_to(viewer).values_list("pk", flat=True))
            self.context["visible_organizations"] = seen
        return [owner for owner in owners if owner in seen]
