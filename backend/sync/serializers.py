"""Query parameters and response shape of /sync/, described for the OpenAPI contract.

Imported by the view, after every app has registered its synced types.
"""

from rest_framework import serializers

from changes.registry import synced_type_choices

from .engine import DEFAULT_LIMIT, MAX_LIMIT, ResetReason
from .schema import SyncDataField


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


class SyncChangeSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=synced_type_choices(),
        help_text="The object's type; the same names as in the audit log and the registry of synced types.",
    )
    id = serializers.CharField(
        help_text="The object's id as its endpoint knows it (a number as text; a country's ISO code)."
    )
    op = serializers.ChoiceField(
        choices=[("upsert", "upsert"), ("delete", "delete")],
        help_text="`upsert`: store `data` under (type, id). `delete`: drop (type, id) if you hold it.",
    )
    data = SyncDataField(
        allow_null=True, help_text="The current representation for `upsert`; null for `delete`."
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
    changes = SyncChangeSerializer(many=True, help_text="Apply in order.")
