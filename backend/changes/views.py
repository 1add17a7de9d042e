"""The audit log: who changed what, when, and which fields, read from the change feed."""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from core.conditional import ConditionalRequestsMixin
from core.viewer import request_viewer

from .filters import ChangeFilter
from .models import Change
from .permissions import CanReadAuditLog
from .serializers import ChangeSerializer

READ_NOTE = (
    "The append-only audit log of every create, update and delete (visibility and status changes "
    "are updates; memberships and accounts are recorded too), written in the same transaction as "
    "the change. The network office sees every entry; a coordinator sees the entries about objects "
    "of the organizations they coordinate; members and anonymous callers get 403 and 401: the log "
    "names people and shows old values, so it is not for reading by everyone who may read the data."
)

EXAMPLE = OpenApiExample(
    "A contact point marked compromised",
    value={
        "seq": 4182,
        "at": "2025-12-10T09:14:03Z",
        "actor": 2,
        "actor_username": "alice",
        "object_type": "contact_point",
        "object_id": "17",
        "action": "update",
        "fields": {"status": ["active", "compromised"]},
        "owners": [1],
    },
    response_only=True,
)


@extend_schema_view(
    list=extend_schema(
        summary="List changes (audit log)",
        description=(
            f"{READ_NOTE}\n\nNewest first unless `ordering=seq`. Filter by object (`object_type` and "
            "`object_id`), by `actor`, by `action` and by time (`since`, `until`); `after` returns only "
            "entries after a sequence number. Entries older than the retention period are pruned."
        ),
        tags=["changes"],
        examples=[EXAMPLE],
    ),
    retrieve=extend_schema(
        summary="Get one change",
        description=f"{READ_NOTE}\n\nAnswers 404 for an entry you may not see.",
        tags=["changes"],
        examples=[EXAMPLE],
    ),
)
class ChangeViewSet(ConditionalRequestsMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ChangeSerializer
    queryset = Change.objects.select_related("actor")
    permission_classes = [IsAuthenticated, CanReadAuditLog]
    filterset_class = ChangeFilter
    ordering_fields = ["seq", "at"]
    ordering = ["-seq"]
    lookup_field = "seq"
    lookup_value_regex = "[0-9]{1,18}"

    def get_queryset(self):
        viewer = request_viewer(self.request)
        queryset = super().get_queryset()
        if viewer.is_admin:
            return queryset
        return queryset.owned_by_any(viewer.coordinator_of)
