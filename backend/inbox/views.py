"""The inbox of the signed-in user: what happened for the organizations they belong to."""

from django.db.models import Exists, OuterRef
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.conditional import ConditionalRequestsMixin
from core.references import with_visible_references
from core.viewer import request_viewer

from .filters import NotificationFilter
from .models import Notification, NotificationRead
from .serializers import MarkedSerializer, NotificationSerializer, UnreadCountSerializer

READ_NOTE = (
    "Notifications for the organizations you belong to: responses to your resources, decisions and "
    "messages on your responses, new matches for your open resources, and contact points that need "
    "verification. Read state is yours alone."
)


@extend_schema_view(
    list=extend_schema(
        summary="Your inbox",
        description=f"{READ_NOTE} Newest first, paginated; filter by `kind`, `organization`, `unread`.",
        tags=["inbox"],
    ),
    retrieve=extend_schema(summary="One inbox item", description=READ_NOTE, tags=["inbox"]),
)
class InboxViewSet(ConditionalRequestsMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Notification.objects.all()
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter
    permission_classes = [IsAuthenticated]
    ordering_fields = ["created_at"]
    ordering = ["-created_at", "-id"]

    @property
    def viewer(self):
        return request_viewer(self.request)

    def get_queryset(self):
        mine = NotificationRead.objects.filter(notification=OuterRef("pk"), user_id=self.viewer.user_id)
        queryset = (
            Notification.objects.visible_to(self.viewer)
            .annotate(read=Exists(mine))
            .select_related("organization", "resource", "related_resource", "actor_organization")
        )
        return with_visible_references(queryset, self.get_serializer_class(), self.viewer)

    def _mark(self, *, read: bool) -> Response:
        notification = self.get_object()
        if read:
            NotificationRead.objects.get_or_create(notification=notification, user_id=self.viewer.user_id)
        else:
            NotificationRead.objects.filter(notification=notification, user_id=self.viewer.user_id).delete()
        return Response(self.get_serializer(self.get_queryset().get(pk=notification.pk)).data)

    @extend_schema(
        summary="Mark an inbox item read",
        description="Only for you; your colleagues keep their own read state.",
        request=None,
        responses=NotificationSerializer,
        tags=["inbox"],
    )
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        return self._mark(read=True)

    @extend_schema(
        summary="Mark an inbox item unread",
        description="Only for you.",
        request=None,
        responses=NotificationSerializer,
        tags=["inbox"],
    )
    @action(detail=True, methods=["post"])
    def unread(self, request, pk=None):
        return self._mark(read=False)

    @extend_schema(
        summary="Mark the whole inbox read",
        description="Marks every unread item read, or only those the filters select (`?kind=new_match`).",
        request=None,
        responses=MarkedSerializer,
        tags=["inbox"],
    )
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        unread = self.filter_queryset(self.get_queryset()).filter(read=False).values_list("pk", flat=True)
        rows = [NotificationRead(notification_id=pk, user_id=self.viewer.user_id) for pk in unread]
        NotificationRead.objects.bulk_create(rows, ignore_conflicts=True)
        return Response({"marked": len(rows)})

    @extend_schema(
        summary="Count unread inbox items",
        description="For a badge: how many items you have not read, across your organizations.",
        responses=UnreadCountSerializer,
        tags=["inbox"],
    )
    @action(detail=False, methods=["get"], url_path="unread-count", filterset_class=None)
    def unread_count(self, request):
        return Response({"unread": self.get_queryset().filter(read=False).count()})
