"""Token serializers that tie every JWT to a revocable `AuthSession`.

The session id travels as the `sid` claim in refresh and access tokens alike. Logging
out, or presenting a refresh token that was already rotated (a sign it was stolen),
revokes the session, and with it every token of that login at once.
"""

from django.db import transaction
from rest_framework import serializers
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken, TokenError
from rest_framework_simplejwt.serializers import (
    TokenObtainPairSerializer,
    TokenRefreshSerializer,
    TokenVerifySerializer,
)
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import RefreshToken, UntypedToken

from .models import AuthSession

SESSION_CLAIM = "sid"


def live_session(token) -> AuthSession:
    """The unrevoked session of an active user that `token` belongs to, or AuthenticationFailed."""
    session = (
        AuthSession.objects.select_related("user")
        .filter(pk=token.get(SESSION_CLAIM), revoked_at__isnull=True)
        .first()
        if token.get(SESSION_CLAIM)
        else None
    )
    if session is None or str(session.user_id) != str(token.get(api_settings.USER_ID_CLAIM)):
        raise AuthenticationFailed("This session has ended; sign in again.", code="session_revoked")
    if not api_settings.USER_AUTHENTICATION_RULE(session.user):
        raise AuthenticationFailed("This account is deactivated.", code="user_inactive")
    return session


def revoke_session_of(raw_token: str, reason: str) -> None:
    """Revoke the session behind a token whose signature is valid, even if it is blacklisted."""
    try:
        sid = UntypedToken(raw_token).get(SESSION_CLAIM)
    except TokenError:
        return
    if sid:
        session = AuthSession.objects.filter(pk=sid).first()
        if session is not None:
            session.revoke(reason)


class SessionTokenObtainSerializer(TokenObtainPairSerializer):
    @classmethod
    def get_token(cls, user):
        token = super().get_token(user)
        token[SESSION_CLAIM] = str(AuthSession.objects.create(user=user).pk)
        return token


class SessionTokenRefreshSerializer(TokenRefreshSerializer):
    """Rotates the refresh token; reuse of a rotated one revokes the whole session."""

    def validate(self, attrs):
        raw = attrs["refresh"]
        try:
            refresh = RefreshToken(raw)
        except TokenError as exc:
            if "blacklisted" in str(exc):
                with transaction.atomic():
                    revoke_session_of(raw, "refresh_reuse")
            raise InvalidToken(str(exc)) from exc
        live_session(refresh)
        return super().validate(attrs)


class SessionTokenVerifySerializer(TokenVerifySerializer):
    """A token verifies only while its session is live and its user active."""

    def validate(self, attrs):
        super().validate(attrs)
        try:
            token = UntypedToken(attrs["token"])
        except TokenError as exc:
            raise InvalidToken(str(exc)) from exc
        live_session(token)
        return {}


class LogoutSerializer(serializers.Serializer):
    refresh = serializers.CharField(help_text="The refresh token of the session to end.")

    def validate(self, attrs):
        try:
            attrs["token"] = RefreshToken(attrs["refresh"])
        except TokenError as exc:
            raise InvalidToken(str(exc)) from exc
        return attrs

    def save(self, **kwargs):
        token = self.validated_data["token"]
        token.blacklist()
        revoke_session_of(self.validated_data["refresh"], "logout")


