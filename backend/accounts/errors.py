"""Authentication errors as one message with one code.

simplejwt puts a dict ({"detail", "code", "messages"}) into its exceptions, which the
problem-details formatter would list as invalid fields named "detail" and "code". A
client should instead see a single error whose `code` says what happened
(`token_not_valid`, `session_revoked`, `token_reused`, ...).
"""

from rest_framework import exceptions
from rest_framework_simplejwt.exceptions import DetailDictMixin


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
