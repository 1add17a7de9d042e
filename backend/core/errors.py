"""Errors as RFC 9457 problem details, built on drf-standardized-errors' flat error list.

Every error body has `type`, `title`, `status` and `detail`, plus `errors`: one entry
per invalid field (`attr`, `code`, `detail`) so a client can show each message beside
its input.
"""

from dataclasses import asdict

from drf_standardized_errors.formatter import ExceptionFormatter
from drf_standardized_errors.types import ErrorResponse

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
