"""OpenAPI description of a sync item's `data`: one of the registered serializers, or null."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from changes.registry import synced_entries


class SyncDataField(serializers.JSONField):
    """The object's representation, exactly as its list endpoint returns it; null on delete."""


class SyncDataFieldExtension(OpenApiSerializerFieldExtension):
    """Documents `data` as one of the registered serializers' representations (or null)."""

    target_class = SyncDataField

    def map_serializer_field(self, auto_schema, direction):
        refs = [
            auto_schema.resolve_serializer(entry.serializer_class, direction).ref
            for entry in synced_entries()
        ]
        if not refs:
            return build_basic_type(OpenApiTypes.OBJECT)
        return {"oneOf": refs, "nullable": True}
