"""Memberships (who belongs where, in which role) and the network office's account switch.

Memberships are created only by accepting an invitation; here they are read, given
another role or removed. Access follows at once: the viewer is rebuilt from memberships
on every request, and deactivating an account ends all of its sessions (as the network
office can also do alone, for a seized phone).
"""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.conditional import ConditionalRequestsMixin
from core.permissions import IsAdmin, RoleWritePermission
from core.schema import crud_docs
from core.viewsets import VisibleModelViewSet

from .filters import MembershipFilter, UserFilter
from .models import Membership
from .serializers import EndedSessionsSerializer, MembershipSerializer, UserSerializer
from .services import membership_change_role, membership_remove, sessions_end


@crud_docs(
    "membership",
    "memberships",
    "memberships",
    read_note="Memberships of the organizations you belong to, and your own (admins: all).",
    write_note=(
        "Coordinators of the membership's organization and admins may change `role` or remove it. "
        "A coordinator cannot leave their organization without a coordinator; only admins can."
    ),
)
@extend_validation_errors(["invalid"], field_name="role", actions=["partial_update"])
@extend_validation_errors(["invalid"], field_name=None, actions=["destroy"])
class MembershipViewSet(VisibleModelViewSet):
    queryset = Membership.objects.select_related("user", "organization")
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    permission_classes = [IsAuthenticated, RoleWritePermission]
    http_method_names = ["get", "patch", "delete", "head", "options"]
    ordering_fields = ["created_at", "updated_at", "role"]
    ordering = ["organization__name", "user__username"]

    def perform_update(self, serializer):
        role = serializer.validated_data.get("role", serializer.instance.role)
        membership_change_role(membership=serializer.instance, role=role, viewer=self.viewer)

    def perform_destroy(self, instance):
        membership_remove(membership=instance, viewer=self.viewer)


@extend_schema_view(
    list=extend_schema(
        operation_id="users_list",
        summary="List user accounts",
        description="Admins only. Paginated; filter by `is_active`, `organization`, search with `q`.",
        tags=["users"],
    ),
    retrieve=extend_schema(
        operation_id="users_retrieve",
        summary="Get one user account",
        description="Admins only.",
        tags=["users"],
    ),
    partial_update=extend_schema(
        operation_id="users_partial_update",
        summary="Activate or deactivate an account",
        description=(
            "Admins only; only `is_active` can change. Deactivating ends every session of the "
            "account at once: its tokens answer 401 from the next request on, and reactivating "
            "does not bring them back. You cannot deactivate yourself."
        ),
        tags=["users"],
    ),
)
@extend_validation_errors(["invalid"], field_name="is_active", actions=["partial_update"])
class UserViewSet(
    ConditionalRequestsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = get_user_model().objects.prefetch_related("memberships__organization").order_by("username")
    serializer_class = UserSerializer
    filterset_class = UserFilter
    permission_classes = [IsAuthenticated, IsAdmin]
    http_method_names = ["get", "patch", "post", "head", "options"]
    ordering_fields = ["username", "date_joined", "last_login"]
    ordering = ["username"]

    @extend_schema(
        operation_id="users_end_sessions",
        summary="End every session of an account",
        description=(
            "Admins only. Signs the person out on all their devices, for example when a phone was "
            "seized; their tokens answer 401 from the next request on. The account stays active: "
            "they can sign in again. Answers how many sessions were ended."
        ),
        request=None,
        responses=EndedSessionsSerializer,
        tags=["users"],
    )
    @action(detail=True, methods=["post"], url_path="end-sessions", filter_backends=[])
    def end_sessions(self, request, pk=None):
        ended = sessions_end(user=self.get_object(), reason="ended_by_admin")
        return Response({"ended": ended})
