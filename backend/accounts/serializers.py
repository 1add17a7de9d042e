"""The signed-in user, memberships and user accounts as the API shows them.

Fields a caller may not change are read-only, and refused with 400 when sent with a new value
(`core.serializers.StrictInputMixin`), so a client never believes a change was made that was not.
"""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from core.serializers import StrictInputMixin

from .models import AuthSession, Membership


class MyMembershipSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    organization_slug = serializers.CharField(source="organization.slug", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "organization", "organization_name", "organization_slug", "role"]
        read_only_fields = fields


class MeSerializer(StrictInputMixin, serializers.ModelSerializer):
    is_admin = serializers.BooleanField(source="is_staff", read_only=True)
    memberships = MyMembershipSerializer(many=True, read_only=True)

    read_only_message = "You can change only your e-mail address and name here."

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "email", "first_name", "last_name", "is_admin", "memberships"]
        read_only_fields = ["id", "username", "is_admin", "memberships"]

    def validate_email(self, value: str) -> str:
        # One address, one person: it is where invitations and resets go. Whose it is stays unsaid.
        others = get_user_model().objects.exclude(pk=getattr(self.instance, "pk", None))
        if value and others.filter(email__iexact=value).exists():
            raise serializers.ValidationError("This address cannot be used; choose another.", code="invalid")
        return value


class MembershipSerializer(StrictInputMixin, serializers.ModelSerializer):
    """A person's role in an organization; only `role` can change, and only by its coordinators."""

    username = serializers.CharField(source="user.username", read_only=True)
    first_name = serializers.CharField(source="user.first_name", read_only=True)
    last_name = serializers.CharField(source="user.last_name", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    read_only_message = "A membership cannot move; remove it and send an invitation instead."

    class Meta:
        model = Membership
        fields = [
            "id", "user", "username", "first_name", "last_name", "organization", "organization_name",
            "role", "version", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["id", "user", "organization", "version", "created_at", "updated_at"]


class UserSerializer(StrictInputMixin, serializers.ModelSerializer):
    """An account as the network office manages it: only `is_active` can change here."""

    is_admin = serializers.BooleanField(source="is_staff", read_only=True)
    memberships = MyMembershipSerializer(many=True, read_only=True)
    # Empty when the person removed it under /me/; a read-only model field would not say so.
    email = serializers.EmailField(read_only=True, allow_blank=True)

    read_only_message = "Only `is_active` can be changed here; people edit their own profile under /me/."

    class Meta:
        model = get_user_model()
        fields = [
            "id", "username", "email", "first_name", "last_name", "is_active", "is_admin",
            "date_joined", "last_login", "memberships",
        ]  # fmt: skip
        read_only_fields = [
            "id", "username", "email", "first_name", "last_name", "is_admin",
            "date_joined", "last_login", "memberships",
        ]  # fmt: skip

    def validate_is_active(self, value: bool) -> bool:
        request = self.context.get("request")
        if not value and request is not None and self.instance is not None and self.instance == request.user:
            raise serializers.ValidationError("You cannot deactivate your own account.")
        return value


class SessionSerializer(serializers.ModelSerializer):
    """One of your logins, as you see it in your list of devices; `current` is the one asking."""

    current = serializers.SerializerMethodField(
        help_text="True for the session whose access token made this request."
    )

    class Meta:
        model = AuthSession
        fields = ["id", "device_label", "created_at", "last_used_at", "current"]
        read_only_fields = fields
        extra_kwargs = {
            "device_label": {"help_text": "The label given at sign-in; empty if none was given."},
            "last_used_at": {
                "help_text": (
                    "When the device last signed in or refreshed its tokens (so accurate to within "
                    "the lifetime of an access token)."
                )
            },
        }

    def get_current(self, session) -> bool:
        return str(session.pk) == self.context.get("current_session_id")


class EndedSessionsSerializer(serializers.Serializer):
    ended = serializers.IntegerField(help_text="How many sessions were ended.")
