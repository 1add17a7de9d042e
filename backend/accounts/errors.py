"""Authentication errors as one message with one code.

simplejwt puts a dict ({"detail", "code", "messages"}) into its exceptions, which the
problem-details formatter would list as invalid fields named "detail" and "code". A
client should instead see a single error whose `code` says what happened; the codes
are listed in the OpenAPI schema of the sign-in endpoints so clients can act on them.
"""

from django.db import models
from rest_framework import exceptions
from rest_framework_simplejwt.exceptions import DetailDictMixin


class AuthErrorCode(models.TextChoices):
    AUTHENTICATION_FAILED = "authentication_failed", "Authentication failed"
    NOT_AUTHENTICATED = "not_authenticated", "No credentials were sent"
    NO_ACTIVE_ACCOUNT = "no_active_account", "Wrong username or password, or the account is deactivated"
    BAD_AUTHORIZATION_HEADER = "bad_authorization_header", "The Authorization header is malformed"
    TOKEN_NOT_VALID = "token_not_valid", "The token is malformed, badly signed, expired or of the wrong type"
    TOKEN_REUSED = "token_reused", "A rotated refresh token was used again; its session has ended"
    SESSION_REVOKED = "session_revoked", "The session has ended (signed out, revoked or deactivated)"
    SESSION_EXPIRED = "session_expired", "The session reached its maximum age (JWT_SESSION_MAX_DAYS)"
    USER_INACTIVE = "user_inactive", "The account is deactivated"


def codes_help() -> str:
    """The codes a 401 can carry, for the schema of the sign-in endpoints."""
    return "; ".join(f"`{code}`: {label}" for code, label in AuthErrorCode.choices)


def flat(exc: Exception) -> Exception:
    """`exc` unchanged, unless it carries simplejwt's dict: then the same status with one message."""
    if not isinstance(exc, DetailDictMixin) or not isinstance(exc.detail, dict):
        return exc
    detail = exc.detail
    flattened = exceptions.AuthenticationFailed(
        str(detail.get("detail", exc.default_detail)), code=str(detail.get("code", exc.default_code))
    )
    flattened.status_code = exc.status_code
    return flattened


class FlatAuthErrorsMixin:
    """For views: answer simplejwt's errors with a single problem-details error."""

    def handle_exception(self, exc):
        return super().handle_exception(flat(exc))
