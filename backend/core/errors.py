"""Errors as RFC 9457 problem details, built on drf-standardized-errors' flat error list.

Every error body has `type`, `title`, `status` and `detail`, plus `errors`: one entry
per invalid field (`attr`, `code`, `detail`) so a client can show each message beside
its input.
"""

from dataclasses import asdict

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from drf_standardized_errors.formatter import ExceptionFormatter
from drf_standardized_errors.handler import ExceptionHandler
from drf_standardized_errors.types import ErrorResponse
from rest_framework import exceptions, status

TITLES = {
    "validation_error": "Your request has invalid fields.",
    "client_error": "The request cannot be served.",
    "server_error": "The server failed to handle the request.",
}


class ProblemDetailsFormatter(ExceptionFormatter):
    def format_error_response(self, error_response: ErrorResponse) -> dict:
        body = asdict(error_response)
        errors = body["errors"]
        first = errors[0]["detail"] if errors else TITLES[error_response.type]
        return {
            "type": error_response.type,
            "title": TITLES[error_response.type],
            "status": self.exc.status_code,
            "detail": first if len(errors) <= 1 else f"{len(errors)} fields are invalid.",
            "errors": errors,
        }


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class ProblemDetailsExceptionHandler(ExceptionHandler):
    """Django's refusals of a malformed request (too large a body, say) are the client's error, not a 500."""

    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if isinstance(exc, RequestDataTooBig):
            return PayloadTooLarge()
        if isinstance(exc, SuspiciousOperation):
            return exceptions.ParseError("The request is malformed.")
        return super().convert_known_exceptions(exc)
