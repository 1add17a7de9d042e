"""Invitations as coordinators send them, and the one request that turns one into an account.

The token exists in clear only in the answer to the request that created it; after
that only its hash is stored, so a leaked database cannot be used to join. The e-mailed
link carries a second token, made and hashed by the job that sends it (mail/tasks.py).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from rest_framework import serializers

from core.secrets import digest
from core.serializers import OwnedByOrganizationMixin, StrictInputMixin
from core.vocabulary import APP_LANGUAGES

from .models import Invitation, Membership


def request_language() -> str:
    """The language the request is answered in (Accept-Language), one of the app's."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


# A forgotten invitation is a standing key to the network; keep its life bounded.
INVITATION_MAX_DAYS = 90


class InvitationSerializer(StrictInputMixin, OwnedByOrganizationMixin, serializers.ModelSerializer):
    """An invitation to join an organization in a role; coordinators invite only to their own."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    status = serializers.ChoiceField(Invitation.Status.choices, read_only=True)
    expires_at = serializers.DateTimeField(
        required=False,
        help_text="When the token stops working. Defaults to the configured number of days from now.",
    )
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    accepted_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    language = serializers.ChoiceField(
        choices=APP_LANGUAGES,
        required=False,
        help_text=(
            "The language of the invitation e-mail, and of the new account's e-mails until its owner "
            "chooses. Defaults to the language of the request (`Accept-Language`)."
        ),
    )
    emailed_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When the accept link was last e-mailed to the address; null until the e-mail went out.",
    )

    class Meta:
        model = Invitation
        fields = [
            "id", "email", "organization", "organization_name", "role", "language", "status",
            "expires_at", "created_by", "created_at", "emailed_at", "accepted_at", "accepted_by",
        ]  # fmt: skip
        read_only_fields = [
            "id", "status", "created_by", "created_at", "emailed_at", "accepted_at", "accepted_by",
        ]  # fmt: skip

    def validate_email(self, value: str) -> str:
        local, _, domain = value.strip().rpartition("@")
        return f"{local}@{domain.lower()}"

    def validate_expires_at(self, value):
        now = timezone.now()
        if value <= now:
            raise serializers.ValidationError(gettext("Choose a time in the future."))
        if value > now + timedelta(days=INVITATION_MAX_DAYS):
            raise serializers.ValidationError(
                gettext("An invitation can last at most %(days)d days.") % {"days": INVITATION_MAX_DAYS}
            )
        return value

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is None:
            attrs.setdefault("language", request_language())
        pending = Invitation.objects.filter(
            email__iexact=attrs["email"],
            organization=attrs["organization"],
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        if pending.exists():
            raise serializers.ValidationError(
                {"email": gettext("This address already has a pending invitation to this organization.")}
            )
        return attrs


class InvitationCreatedSerializer(InvitationSerializer):
    """A new invitation with its one-time token, shown this once and never again."""

    token = serializers.CharField(
        read_only=True,
        help_text="The one-time secret to pass on to the invited person. It is shown only this once.",
    )

    class Meta(InvitationSerializer.Meta):
        fields = [*InvitationSerializer.Meta.fields, "token"]


class InvitationAcceptSerializer(StrictInputMixin, serializers.Serializer):
    """Anonymous: creates an account. Signed in: adds the membership to your account."""

    token = serializers.CharField(max_length=200, help_text="The token from the invitation.")
    username = serializers.CharField(
        max_length=150,
        required=False,
        validators=get_user_model()._meta.get_field("username").validators,
        help_text="A new username; required unless you are signed in.",
    )
    password = serializers.CharField(
        max_length=200,
        required=False,
        write_only=True,
        trim_whitespace=False,
        style={"input_type": "password"},
        help_text="Your new password; required unless you are signed in.",
    )

    def validate(self, attrs):
        user = self.context["request"].user
        signed_in = user.is_authenticated
        token_hash = digest(attrs["token"])
        invitation = (
            Invitation.objects.select_related("organization")
            .filter(Q(token_hash=token_hash) | Q(email_token_hash=token_hash))
            .first()
        )
        errors: dict[str, list[str]] = {}
        if invitation is None:
            errors["token"] = ["This invitation is not valid."]
        elif invitation.accepted_at is not None:
            errors["token"] = ["This invitation was already used."]
        elif invitation.status == Invitation.Status.EXPIRED:
            errors["token"] = ["This invitation has expired; ask for a new one."]
        if signed_in:
            for name in ("username", "password"):
                if name in attrs:
                    errors[name] = ["You are signed in: the invitation joins your account, leave this out."]
            if (
                invitation is not None
                and Membership.objects.filter(user=user, organization=invitation.organization).exists()
            ):
                errors.setdefault("token", []).append("You already belong to this organization.")
        else:
            errors.update(self._new_account_errors(attrs, invitation))
        if errors:
            raise serializers.ValidationError(errors)
        attrs["invitation"] = invitation
        return attrs

    @staticmethod
    def _taken(username: str) -> bool:
        """Whether `username` is taken. Told only to holders of a usable invitation, who need it
        to choose a free name; anyone else would use the answer to find out who has an account."""
        return get_user_model().objects.filter(username__iexact=username).exists()

    def _new_account_errors(self, attrs, invitation) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        user_model = get_user_model()
        username = attrs.get("username")
        if not username:
            errors["username"] = ["Choose a username."]
        elif invitation is not None and invitation.is_usable and self._taken(username):
            errors["username"] = ["This username is taken; choose another."]
        if not attrs.get("password"):
            errors["password"] = ["Choose a password."]
        else:
            candidate = user_model(username=username or "", email=invitation.email if invitation else "")
            try:
                password_validation.validate_password(attrs["password"], candidate)
            except DjangoValidationError as exc:
                errors["password"] = list(exc.messages)
        return errors
