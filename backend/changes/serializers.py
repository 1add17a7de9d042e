"""The audit log's representation of a change-feed entry."""

from rest_framework import serializers

from .models import Change


class ChangeSerializer(serializers.ModelSerializer):
    actor_username = serializers.CharField(
        source="actor.username",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="Who made the change.",
    )
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.JSONField(allow_null=True), min_length=2, max_length=2),
        read_only=True,
        help_text=(
            "The changed fields as `{name: [old, new]}`: all fields with `old` null on create, all with "
            "`new` null on delete. An update without fields was a save that changed no audited field "
            "(only its version), or re-evaluates an object because something it depends on changed "
            "(its organization's visibility or name, say)."
        ),
    )
    owners = serializers.SerializerMethodField(help_text="Ids of the organizations that own the object.")

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
        return [int(part) for part in change.owners.split(",") if part]
