"""Query parameters and response shape of /sync/, described for the OpenAPI contract.

Imported by the view, after every app has registered its synced types.
"""

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from changes.registry import synced_entries

from .engine import DEFAULT_LIMIT, MAX_LIMIT, ResetReason
from .shape import Shape


class SyncQuerySerializer(serializers.Serializer):
    cursor = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=4096,
        help_text="The `cursor` of your previous sync response. Omit it for a full snapshot.",
    )
    limit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        default=DEFAULT_LIMIT,
        help_text=f"Most changes per response (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}).",
    )


def _one_of(values: list[str], description: str) -> serializers.CharField:
    """A string that is one of `values`, declared inline (one-value enums need no component of their own)."""
    field_class = extend_schema_field({"type": "string", "enum": values})(
        type("Choice", (serializers.CharField,), {})
    )
    return field_class(help_text=description)


def block_serializer(entry) -> type[serializers.Serializer]:
    """The block of one synced type: its name, its key and its field names are fixed, so a client
    generated from the contract knows what each row holds once it has read `type`."""
    shape = Shape.of(entry)
    name = "".join(part.title() for part in entry.type_name.split("_"))
    attributes = {
        "type": _one_of([entry.type_name], "The objects' type, as in the audit log."),
        "key": _one_of([shape.key_name], "The field in `fields` that holds each object's id."),
        "fields": serializers.ListField(
            child=_one_of(list(shape.names), "A field of the type's list representation."),
            help_text=(
                "The names of the values in each row, in order: the fields of the type's list "
                "representation with times to the whole second, less what a replica holds elsewhere "
                "(contact points carry no `organization_name`: it is their organization's `name`)."
            ),
        ),
        "rows": serializers.ListField(
            child=serializers.ListField(child=serializers.JSONField()),
            help_text="One row per object to store under (type, its key), values in `fields` order.",
        ),
        "deleted": serializers.ListField(
            child=serializers.CharField(), help_text="Ids of objects of this type to drop if you hold them."
        ),
        "__doc__": f"Changes to objects of type `{entry.type_name}`.",
    }
    return type(f"{name}SyncBlockSerializer", (serializers.Serializer,), attributes)


SYNC_BLOCK = PolymorphicProxySerializer(
    component_name="SyncBlock",
    serializers={entry.type_name: block_serializer(entry) for entry in synced_entries()},
    resource_type_field_name="type",
    many=True,
    help_text=(
        "One block per type, parents first. A response names an object at most once, so blocks and "
        "rows may be applied in any order."
    ),
)


class SyncResponseSerializer(serializers.Serializer):
    cursor = serializers.CharField(
        help_text="Opaque and signed; send it back as `?cursor=` to continue. Bound to your account."
    )
    reset = serializers.BooleanField(
        help_text=(
            "True: this response starts a full snapshot; drop everything you hold (best: once the last "
            "page has arrived, swap the new replica in)."
        )
    )
    reset_reason = serializers.ChoiceField(
        choices=ResetReason.choices, allow_null=True, help_text="Why a snapshot was sent; null otherwise."
    )
    has_more = serializers.BooleanField(help_text="True: call again at once with `cursor` for the next page.")
    changes = SYNC_BLOCK
