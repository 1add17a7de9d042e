"""Query parameters and response shape of /sync/, described for the OpenAPI contract.

Imported by the view, after every app has registered its synced types.
"""

from rest_framework import serializers

from changes.registry import synced_type_choices

from .engine import DEFAULT_LIMIT, MAX_LIMIT, ResetReason


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


class SyncBlockSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=synced_type_choices(),
        help_text="The objects' type; the same names as in the audit log and the registry of synced types.",
    )
    key = serializers.CharField(
        help_text="The field in `fields` that holds each object's id (`id`; `code` for countries)."
    )
    fields = serializers.ListField(
        child=serializers.CharField(),
        help_text=(
            "The names of the values in each row, in order: the fields of the type's list representation "
            "with times to the whole second, less what a replica holds elsewhere (contact points carry no "
            "`organization_name`: it is their organization's `name`)."
        ),
    )
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.JSONField()),
        help_text="One row per object to store under (type, its key), values in `fields` order.",
    )
    deleted = serializers.ListField(
        child=serializers.CharField(), help_text="Ids of objects of this type to drop if you hold them."
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
    changes = SyncBlockSerializer(
        many=True,
        help_text=(
            "One block per type, parents first. A response names an object at most once, so blocks and "
            "rows may be applied in any order."
        ),
    )
