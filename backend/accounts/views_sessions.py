"""Your sessions: see where you are signed in and end any of them from anywhere.

A phone that was lost or taken at a border stays signed in until its session ends; this
is how its owner ends it from another device. An ended session's access tokens answer
401 from the next request on and its refresh token no longer works.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .models import AuthSession
from .serializers import EndedSessionsSerializer, SessionSerializer
from .services import sessions_end
from .tokens import SESSION_CLAIM


def current_session_id(request) -> str | None:
    """The session of the access token that made `request`."""
    token = getattr(request, "auth", None)
    return str(token.get(SESSION_CLAIM)) if token is not None else None


@extend_schema_view(
    list=extend_schema(
        operation_id="auth_sessions_list",
        summary="List my sessions",
        description=(
            "Your active sessions, one per device you signed in on: the label you gave it, when "
            "you signed in and when it last refreshed its tokens. `current` marks the one asking. "
            "No address and no browser description is stored. Most recently used first, paginated."
        ),
        tags=["auth"],
    ),
    destroy=extend_schema(
        operation_id="auth_sessions_destroy",
        summary="End one of my sessions",
        description=(
            "Signs that device out: its tokens answer 401 from its next request on. Ending the "
            "current session is signing out. Another person's session, or one already ended, is 404."
        ),
        tags=["auth"],
    ),
)
class SessionViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    queryset = AuthSession.objects.all()
    serializer_class = SessionSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = None
    ordering_fields = ["created_at", "last_used_at"]
    ordering = ["-last_used_at", "-created_at"]

    def get_queryset(self):
        return AuthSession.objects.active().filter(user=self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "current_session_id": current_session_id(self.request)}

    def perform_destroy(self, instance):
        instance.revoke("ended_by_user")

    @extend_schema(
        operation_id="auth_sessions_end_others",
        summary="End all my other sessions",
        description=(
            "Signs out every device but the one asking, for example after a phone was lost or "
            "inspected. Answers how many sessions were ended."
        ),
        request=None,
        responses=EndedSessionsSerializer,
        tags=["auth"],
    )
    @action(detail=False, methods=["post"], url_path="end-others", filter_backends=[], pagination_class=None)
    def end_others(self, request):
        ended = sessions_end(user=request.user, keep=current_session_id(request), reason="ended_by_user")
        return Response({"ended": ended})
