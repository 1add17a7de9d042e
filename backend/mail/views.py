"""The signed-in person's e-mail preferences: one object per account, read and changed in place."""

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated

from core.conditional import ConditionalRequestsMixin

from .models import preferences_of
from .serializers import MailPreferencesSerializer

EXAMPLE = OpenApiExample(
    "A coordinator who reads e-mail in Russian and wants no digest",
    value={"language": "ru", "stale_digest": False, "responses": True, "messages": True},
)
ABOUT = (
    "E-mails reach people who are not looking at the app: the monthly digest of stale contact "
    "points (coordinators), news on responses, and new messages on responses. Each can be switched "
    "off; invitations are always sent. E-mails are written in `language` and name no contact's "
    "value, resource title or author: the app shows those."
)


class OwnPreferencesMixin:
    """The object here is the caller's preferences, the defaults until first saved."""

    def get_object(self):
        return preferences_of(self.request.user)


@extend_schema_view(
    get=extend_schema(
        operation_id="me_notifications_retrieve",
        summary="My e-mail preferences",
        description=ABOUT,
        examples=[EXAMPLE],
        tags=["me"],
    ),
    put=extend_schema(
        operation_id="me_notifications_update",
        summary="Set my e-mail preferences",
        description=ABOUT,
        examples=[EXAMPLE],
        tags=["me"],
    ),
    patch=extend_schema(
        operation_id="me_notifications_partial_update",
        summary="Change some of my e-mail preferences",
        description=ABOUT,
        examples=[EXAMPLE],
        tags=["me"],
    ),
)
class MailPreferencesView(ConditionalRequestsMixin, OwnPreferencesMixin, generics.RetrieveUpdateAPIView):
    serializer_class = MailPreferencesSerializer
    permission_classes = [IsAuthenticated]
