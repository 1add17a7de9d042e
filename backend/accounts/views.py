"""The current user: who am I, in which organizations, in which role; and my own profile."""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated

from core.conditional import ConditionalRequestsMixin

from .serializers import MeSerializer

ME_EXAMPLE = OpenApiExample(
    "A coordinator",
    value={
        "id": 2,
        "username": "alice",
        "email": "alice@example.org",
        "first_name": "Alice",
        "last_name": "",
        "is_admin": False,
        "memberships": [
            {
                "id": 1,
                "organization": 1,
                "organization_name": "Network office Germany (example data)",
                "organization_slug": "network-office",
                "role": "coordinator",
            }
        ],
    },
    response_only=True,
)


@extend_schema_view(
    get=extend_schema(
        operation_id="me_retrieve",
        summary="Who am I",
        description="Your account with your memberships and roles. Requires a bearer token.",
        tags=["me"],
        examples=[ME_EXAMPLE],
    ),
    put=extend_schema(
        operation_id="me_update",
        summary="Update my profile",
        description=(
            "Change your e-mail and name. Username, roles and account status are not yours to "
            "change: sending a different value for them is a 400."
        ),
        tags=["me"],
    ),
    patch=extend_schema(
        operation_id="me_partial_update",
        summary="Update my profile partly",
        description=(
            "Change your e-mail or name. Username, roles and account status are not yours to "
            "change: sending a different value for them is a 400."
        ),
        tags=["me"],
    ),
)
class MeView(ConditionalRequestsMixin, generics.RetrieveUpdateAPIView):
    serializer_class = MeSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return type(self.request.user).objects.prefetch_related("memberships__organization")

    def get_object(self):
        # The one object here is the caller's account, looked up as any other (If-Match included).
        self.kwargs[self.lookup_field] = self.request.user.pk
        return super().get_object()
