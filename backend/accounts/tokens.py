"""Token serializers that tie every JWT to a revocable `AuthSession`.

The session id travels as the `sid` claim in refresh and access tokens alike. Logging
out, or presenting a refresh token that was already rotated (a sign it was stolen),
revokes the session, and with it every token of that login at once.
"""

import uuid
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework import serializers
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import (
    TokenObtainPairSerializer,
    TokenRefreshSerializer,
    TokenVerifySerializer,
)
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from rest_framework_simplejwt.tokens import RefreshToken, UntypedToken

from .models import AuthSession

SESSION_CLAIM = "sid"


class RefreshTokenReused(AuthenticationFailed):
    """A rotated refresh token came back: whoever holds the family may be an intruder.

    Raised after the session was revoked; the view keeps that write although it answers 401.
    """

    default_detail = "This refresh token was already used; the session has been ended. Sign in again."
    default_code = "token_reused"


def _session_id(token) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(token.get(SESSION_CLAIM)))
    except ValueError:
        return None


def live_session(token) -> AuthSession:
    """The unrevoked session of an active user that `token` belongs to, or AuthenticationFailed."""
    sid = _session_id(token)
    session = (
        AuthSession.objects.select_related("user").filter(pk=sid, revoked_at__isnull=True).first()
        if sid
        else None
    )
    if session is None or str(session.user_id) != str(token.get(api_settings.USER_ID_CLAIM)):
        raise AuthenticationFailed("This session has ended; sign in again.", code="session_revoked")
    if session.ends_at <= timezone.now():
        raise AuthenticationFailed(
            "This session reached its maximum age; sign in again.", code="session_expired"
        )
    if not api_settings.USER_AUTHENTICATION_RULE(session.user):
        raise AuthenticationFailed("This account is deactivated.", code="user_inactive")
    return session


def revoke_session_of(raw_token: str, reason: str) -> None:
    """Revoke the session behind a token whose signature is valid, even if it is blacklisted."""
    try:
        sid = _session_id(UntypedToken(raw_token))
    except TokenError:
        return
    if sid:
        session = AuthSession.objects.filter(pk=sid).first()
        if session is not None:
            session.revoke(reason)


def invalid_token(message: str) -> AuthenticationFailed:
    return AuthenticationFailed(message, code="token_not_valid")


def _signed_refresh(raw: str) -> UntypedToken:
    """Signature, expiry and type of a refresh token, without the blacklist check."""
    try:
        token = UntypedToken(raw)
    except TokenError as exc:
        raise invalid_token(str(exc)) from exc
    if token.get(api_settings.TOKEN_TYPE_CLAIM) != RefreshToken.token_type:
        raise invalid_token("Token has wrong type")
    return token


def _is_blacklisted(token) -> bool:
    return BlacklistedToken.objects.filter(token__jti=token.get(api_settings.JTI_CLAIM)).exists()


class SessionTokenObtainSerializer(TokenObtainPairSerializer):
    """Signs in and opens a session, labelled with what the user calls this device, if anything."""

    device_label = serializers.CharField(
        max_length=60,
        required=False,
        allow_blank=True,
        help_text=(
            'What you call this device (say, "Phone"), to recognize the session in your list of '
            "sessions. Optional; nothing else about the device is stored."
        ),
    )

    def validate(self, attrs):
        self.device_label = attrs.get("device_label", "")
        return super().validate(attrs)

    def get_token(self, user):
        token = super().get_token(user)
        session = AuthSession.objects.create(user=user, device_label=self.device_label)
        token[SESSION_CLAIM] = str(session.pk)
        return token


class SessionTokenRefreshSerializer(TokenRefreshSerializer):
    """Rotates the refresh token; reuse of a rotated one revokes the whole session.

    One exception keeps people on bad connections signed in: the token rotated last may
    be presented again within JWT_REFRESH_RETRY_SECONDS of its rotation (a fixed window:
    retries do not extend it), as long as the token that replaced it was never used.
    That retry is answered with the very successor the rotation made (and a fresh access
    token), so however many retries there are, one refresh token lives per session.

    The session row is locked first, so refreshes racing with one token are serialized:
    the first rotates, the others see its blacklisting and are retries.
    """

    def validate(self, attrs):
        token = _signed_refresh(attrs["refresh"])
        sid = _session_id(token)
        jti = str(token.get(api_settings.JTI_CLAIM, ""))
        with transaction.atomic():
            session = AuthSession.objects.select_for_update().filter(pk=sid).first() if sid else None
            reused = _is_blacklisted(token)
            retry = (
                reused
                and session is not None
                and session.may_retry_rotation(jti, settings.JWT_REFRESH_RETRY_SECONDS)
            )
            if reused and not retry:
                if session is not None:
                    session.revoke("refresh_reuse")
            else:
                live_session(token)
                successor, at = self._successor(attrs["refresh"], session, retry)
                session.record_rotation(jti, successor[api_settings.JTI_CLAIM], at=at)
        if reused and not retry:
            raise RefreshTokenReused()
        return {"access": str(successor.access_token), "refresh": str(successor)}

    @staticmethod
    def _successor(raw: str, session: AuthSession, retry: bool) -> tuple[RefreshToken, datetime]:
        """The token that replaces `raw` and the time of its rotation: a new one, or for a retry
        the one its rotation made.

        A token is its claims signed, so the same claims (the old token's, with the successor's
        id and the rotation's time) give the same token again; nothing secret is stored.
        """
        successor = RefreshToken(raw, verify=False)
        if retry:
            successor[api_settings.JTI_CLAIM], at = session.successor_jti, session.rotated_at
        else:
            successor.blacklist()  # the old one, before its claims become the successor's
            successor.set_jti()
            at = timezone.now()
        successor.set_exp(from_time=at)
        successor.set_iat(at_time=at)
        if not retry:
            successor.outstand()
        return successor, at


class SessionTokenVerifySerializer(TokenVerifySerializer):
    """A token verifies only while it is not blacklisted, its session live and its user active."""

    def validate(self, attrs):
        try:
            token = UntypedToken(attrs["token"])
        except TokenError as exc:
            raise invalid_token(str(exc)) from exc
        if _is_blacklisted(token):
            raise invalid_token("Token is blacklisted")
        live_session(token)
        return {}


class LogoutSerializer(serializers.Serializer):
    """Ends the session of a validly signed refresh token; repeating it is harmless."""

    refresh = serializers.CharField(help_text="The refresh token of the session to end.")

    def validate(self, attrs):
        attrs["token"] = _signed_refresh(attrs["refresh"])
        return attrs

    def save(self, **kwargs):
        raw = self.validated_data["refresh"]
        RefreshToken(raw, verify=False).blacklist()  # signature checked in validate(); idempotent
        revoke_session_of(raw, "logout")
