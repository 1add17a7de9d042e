"""Invitations: the only way into the network. Coordinators invite to their organizations, admins anywhere.

Accepting is the one write open to anonymous callers, so it is throttled per client.
"""

from collections.abc import Mapping

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from core.conditional import ConditionalRequestsMixin
from core.permissions import RoleWritePermission
from core.ratelimit import RateLimitHeadersMixin
from core.viewsets import VisibleViewSetMixin

from .filters import InvitationFilter
from .models import Invitation
from .serializers import MeSerializer
from .serializers_invitations import (
    InvitationAcceptSerializer,
    InvitationCreatedSerializer,
    InvitationSerializer,
)
from .services import invitation_accept, invitation_create, invitation_resend, invitation_revoke
from .throttles import InvitationAcceptThrottle, InvitationEmailThrottle

READ_NOTE = (
    "Invitations to organizations you coordinate (admins: all). Anything else answers 404 "
    "or is absent from the list."
)
EMAIL_BOUND = (
    "An address receives a bounded number of invitation e-mails a day, by invitation or resend, "
    "whoever asks: past it, 429 with `Retry-After`."
)
CREATE_EXAMPLE = OpenApiExample(
    "Invite a counselor",
    value={"email": "new.counselor@example.org", "organization": 1, "role": "member", "language": "ru"},
    request_only=True,
)
CREATED_EXAMPLE = OpenApiExample(
    "Created invitation",
    value={
        "id": 7,
        "email": "new.counselor@example.org",
        "organization": 1,
        "organization_name": "Network office (example data)",
        "role": "member",
        "language": "ru",
        "status": "pending",
        "expires_at": "2026-12-09T12:00:00Z",
        "created_by": "alice",
        "created_at": "2026-11-25T12:00:00Z",
        "emailed_at": None,
        "accepted_at": None,
        "accepted_by": None,
        "token": "q0hD3tQ9h2c1Zr2yL8c2xwqzvN4yJH8aWlKk6VvYt1E",
    },
    response_only=True,
    status_codes=["201"],
)
ACCEPT_EXAMPLES = [
    OpenApiExample(
        "New account",
        value={
            "token": "q0hD3tQ9h2c1Zr2yL8c2xwqzvN4yJH8aWlKk6VvYt1E",
            "username": "new.counselor",
            "password": "a long passphrase of your own",
        },
        request_only=True,
    ),
    OpenApiExample(
        "Join with the account you are signed in with",
        value={"token": "q0hD3tQ9h2c1Zr2yL8c2xwqzvN4yJH8aWlKk6VvYt1E"},
        request_only=True,
    ),
]


@extend_schema_view(
    list=extend_schema(
        operation_id="invitations_list",
        summary="List invitations",
        description=f"{READ_NOTE} Paginated; filter by `organization`, `role`, `status`, `email`.",
        tags=["invitations"],
    ),
    retrieve=extend_schema(
        operation_id="invitations_retrieve",
        summary="Get one invitation",
        description=f"{READ_NOTE} The token is never shown again after creation.",
        tags=["invitations"],
    ),
    create=extend_schema(
        operation_id="invitations_create",
        summary="Invite someone",
        description=(
            "Coordinators invite to their own organizations, admins to any. The answer carries "
            "the one-time `token` to pass on to the invited person; it is shown only this once "
            "and only its hash is kept. The accept link is also e-mailed to `email` in `language` "
            "from the job queue, under a token of its own. `expires_at` defaults to the "
            f"configured number of days. {EMAIL_BOUND}"
        ),
        request=InvitationSerializer,
        responses={201: InvitationCreatedSerializer},
        examples=[CREATE_EXAMPLE, CREATED_EXAMPLE],
        tags=["invitations"],
    ),
    destroy=extend_schema(
        operation_id="invitations_destroy",
        summary="Revoke an invitation",
        description=(
            "Deletes a pending or expired invitation so its token no longer works. Coordinators of "
            "its organization and admins. An accepted invitation cannot be revoked: remove the "
            "membership instead."
        ),
        tags=["invitations"],
    ),
)
@extend_validation_errors(["invalid"], field_name="organization", actions=["create"])
@extend_validation_errors(["invalid"], field_name=None, actions=["destroy", "resend"])
class InvitationViewSet(
    RateLimitHeadersMixin,
    ConditionalRequestsMixin,
    VisibleViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Invitation.objects.select_related("organization", "created_by", "accepted_by")
    serializer_class = InvitationSerializer
    filterset_class = InvitationFilter
    permission_classes = [IsAuthenticated, RoleWritePermission]
    ordering_fields = ["created_at", "expires_at", "email"]
    ordering = ["-created_at"]
    # The answer carries the one-time token, which is never stored (core/idempotency.py).
    idempotency_exempt_actions = frozenset({"create"})
    emailing_actions = frozenset({"create", "resend"})

    def get_throttles(self):
        if self.action in self.emailing_actions:
            return [InvitationEmailThrottle()]
        return super().get_throttles()

    def finalize_response(self, request, response, *args, **kwargs):
        if self.action in self.emailing_actions and response.status_code in (201, 202):
            for throttle in self.applied_throttles:
                throttle.spend()
        return super().finalize_response(request, response, *args, **kwargs)

    def invited_address(self, request) -> str:
        """The address an e-mailing action writes to (InvitationEmailThrottle)."""
        if self.action == "resend":
            return self.get_object().email
        return str(request.data.get("email", "")) if isinstance(request.data, Mapping) else ""

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invitation, token = invitation_create(data=serializer.validated_data, actor=request.user)
        invitation.token = token
        return Response(
            InvitationCreatedSerializer(invitation, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": self.reverse_action("detail", args=[invitation.pk])},
        )

    def perform_destroy(self, instance):
        invitation_revoke(invitation=instance, viewer=self.viewer)

    @extend_schema(
        operation_id="invitations_resend",
        summary="E-mail an invitation again",
        description=(
            "Queues a new e-mail with the accept link to the invited address; the link e-mailed "
            "before stops working, the token answered at creation does not. Coordinators of its "
            "organization and admins; only a pending invitation (400 once accepted or expired). "
            "Answers 202: the e-mail goes out from the job queue, and `emailed_at` tells when. "
            f"{EMAIL_BOUND}"
        ),
        request=None,
        responses={202: None},
        tags=["invitations"],
    )
    @action(detail=True, methods=["post"])
    def resend(self, request, pk=None):
        invitation_resend(invitation=self.get_object(), viewer=self.viewer)
        return Response(status=status.HTTP_202_ACCEPTED)


@extend_validation_errors(["invalid"], field_name="token", methods=["post"])
@extend_validation_errors(["invalid"], field_name="username", methods=["post"])
@extend_validation_errors(["invalid"], field_name="password", methods=["post"])
class InvitationAcceptView(RateLimitHeadersMixin, APIView):
    permission_classes = [AllowAny]
    throttle_classes = [InvitationAcceptThrottle]

    @extend_schema(
        operation_id="invitations_accept",
        summary="Accept an invitation",
        description=(
            "Uses an invitation token once. Anonymous: creates your account with `username` and "
            "`password` (checked against the password rules; each problem is reported on its field) "
            "and the membership. Signed in: adds the membership to your account; leave username and "
            "password out. A used, unknown or expired token answers 400. Throttled per client."
        ),
        request=InvitationAcceptSerializer,
        responses={201: MeSerializer},
        examples=ACCEPT_EXAMPLES,
        tags=["invitations"],
    )
    def post(self, request):
        serializer = InvitationAcceptSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = invitation_accept(
            invitation=data["invitation"],
            user=request.user if request.user.is_authenticated else None,
            username=data.get("username", ""),
            password=data.get("password", ""),
        )
        user = type(user).objects.prefetch_related("memberships__organization").get(pk=user.pk)
        membership = user.memberships.get(organization=data["invitation"].organization_id)
        location = reverse("membership-detail", args=[membership.pk], request=request)
        return Response(
            MeSerializer(user).data, status=status.HTTP_201_CREATED, headers={"Location": location}
        )
