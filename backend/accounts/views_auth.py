"""Token endpoints: obtain, refresh, verify, logout. Throttled, unauthenticated, documented."""

from django.db import transaction
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView, TokenVerifyView

from core.ratelimit import RateLimitHeadersMixin
from core.schema import ProblemSerializer

from .errors import FlatAuthErrorsMixin, codes_help
from .throttles import LoginThrottle, login_guard
from .tokens import LogoutSerializer, RefreshTokenReused, SessionTokenVerifySerializer

UNAUTHORIZED = OpenApiResponse(
    ProblemSerializer,
    description="Wrong credentials, or a token that is invalid, expired or of an ended session. "
    f"`errors[0].code` says which: {codes_help()}.",
)


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(
        help_text="Short-lived; send it as `Authorization: Bearer <access>`.", read_only=True
    )
    refresh = serializers.CharField(
        help_text="Use it once at /auth/token/refresh/ for a new pair; keep it out of shared storage.",
        read_only=True,
    )


class PublicAuthMixin(FlatAuthErrorsMixin):
    """Open to anyone; a bad token is a 401 with a `WWW-Authenticate` challenge, not a 403."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    # Their answers are tokens: never kept for an Idempotency-Key replay (core/idempotency.py).
    idempotency_exempt_actions = frozenset({"post"})

    def get_authenticate_header(self, request):
        return f'{api_settings.AUTH_HEADER_TYPES[0]} realm="api"'


# Tokens are opaque to clients; these show their shape (header.payload.signature), not real ones.
TOKEN_PAIR_EXAMPLE = OpenApiExample(
    "A new token pair",
    value={"access": "eyJhbGciOiJIUzI1NiJ9.e30.YWNjZXNz", "refresh": "eyJhbGciOiJIUzI1NiJ9.e30.cmVmcmVzaA"},
    response_only=True,
    status_codes=["200"],
)


@extend_schema_view(
    post=extend_schema(
        operation_id="auth_token_obtain",
        summary="Sign in",
        description=(
            "Exchange a username and password for an access token (short-lived) and a refresh "
            "token. Failed attempts are throttled per address, per client and username, and per "
            "username (see the README); a device that signed in before gets a cookie that keeps it "
            "from being locked out by someone else's wrong passwords."
        ),
        responses={200: TokenPairSerializer, 401: UNAUTHORIZED},
        tags=["auth"],
        examples=[
            OpenApiExample(
                "Demo member", value={"username": "mila", "password": "demo-member-pass"}, request_only=True
            ),
            TOKEN_PAIR_EXAMPLE,
        ],
    )
)
class LoginView(RateLimitHeadersMixin, PublicAuthMixin, TokenObtainPairView):
    throttle_classes = [LoginThrottle]

    def post(self, request, *args, **kwargs):
        guard = login_guard(request)
        try:
            response = super().post(request, *args, **kwargs)
        except AuthenticationFailed:
            guard.failed()
            raise
        guard.succeeded(response)
        return response


@extend_schema_view(
    post=extend_schema(
        operation_id="auth_token_refresh",
        summary="Refresh the access token",
        description=(
            "Returns a new access token and a new refresh token; the old refresh token is "
            "blacklisted. Presenting an already-used refresh token ends the whole session "
            "(401 with code `token_reused`): a stolen copy and the original stop working alike."
        ),
        responses={200: TokenPairSerializer, 401: UNAUTHORIZED},
        tags=["auth"],
        examples=[
            OpenApiExample(
                "Refresh token", value={"refresh": "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"}, request_only=True
            ),
            TOKEN_PAIR_EXAMPLE,
        ],
    )
)
class RefreshView(PublicAuthMixin, TokenRefreshView):
    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(exc, RefreshTokenReused) and transaction.get_connection().in_atomic_block:
            # The error handler marks the request transaction for rollback; the revocation
            # this 401 reports is the one write that must survive it.
            transaction.set_rollback(False)
        return response


@extend_schema_view(
    post=extend_schema(
        operation_id="auth_token_verify",
        summary="Verify a token",
        description="200 if the token is valid and its session live; 401 otherwise.",
        responses={200: OpenApiResponse(description="The token is valid."), 401: UNAUTHORIZED},
        tags=["auth"],
    )
)
class VerifyView(PublicAuthMixin, TokenVerifyView):
    serializer_class = SessionTokenVerifySerializer


class LogoutView(PublicAuthMixin, APIView):
    @extend_schema(
        operation_id="auth_logout",
        summary="Sign out",
        description=(
            "Blacklists the refresh token and ends its session: its access tokens stop working at "
            "once. Repeating it is harmless."
        ),
        request=LogoutSerializer,
        responses={204: None, 401: UNAUTHORIZED},
        tags=["auth"],
    )
    def post(self, request):
        serializer = LogoutSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(status=status.HTTP_204_NO_CONTENT)
