"""Domain errors, and every error as RFC 9457 problem details (drf-standardized-errors' flat list).

Services decide the write rules and raise the small hierarchy below; they know nothing of
HTTP. `ProblemDetailsExceptionHandler` is the one place that turns a domain error into a
response, so a rule is written once and answered the same way from every endpoint.

Every error body has `type`, `title`, `status` and `detail`, plus `errors`: one entry
per invalid field (`attr`, `code`, `detail`) so a client can show each message beside
its input.
"""

from dataclasses import asdict
from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import DEFAULT_DB_ALIAS, models
from drf_standardized_errors.formatter import ExceptionFormatter
from drf_standardized_errors.handler import ExceptionHandler
from drf_standardized_errors.openapi_serializers import ClientErrorEnum
from drf_standardized_errors.types import ErrorResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response


class DomainError(Exception):
    """A write rule refused the change; the message says what would be allowed.

    `field` names the input the refusal is about, so a client can show it beside that input;
    None means the request as a whole.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.fields: dict[str, str] = {} if field is None else {field: message}

    @classmethod
    def on_fields(cls, messages: dict[str, str]) -> "DomainError":
        """One refusal naming several inputs, each with its own message."""
        error = cls(next(iter(messages.values())), field=next(iter(messages)))
        error.fields = dict(messages)
        return error

    def as_api_exception(self) -> exceptions.APIException:
        if not self.fields:
            return exceptions.ValidationError([self.message])
        return exceptions.ValidationError({name: [message] for name, message in self.fields.items()})


class Invalid(DomainError):
    """The values given break a rule (an organization answering its own resource): 400."""


class Conflict(DomainError):
    """The change collides with what exists (a second response from the same organization).

    Answered 400 on the field concerned, as the API always has: the client fixes its input.
    """


class InvalidTransition(DomainError):
    """The workflow does not allow this step from the current status: 400 on `status`."""

    def __init__(self, message: str, *, field: str | None = "status"):
        super().__init__(message, field=field)


class NotAllowed(DomainError):
    """The actor may see the object but not do this to it: 403."""

    def as_api_exception(self) -> exceptions.APIException:
        return exceptions.PermissionDenied(self.message)


class PreconditionFailed(DomainError):
    """`If-Match` names a version that is no longer current: 412, with the current representation."""

    def __init__(self, *, etag: str, current: Any):
        super().__init__("Your If-Match does not match the current version; nothing was changed.")
        self.etag = etag
        self.current = current

    def response(self) -> Response:
        body = problem_body(
            status.HTTP_412_PRECONDITION_FAILED,
            title="The object changed since you read it.",
            detail=self.message,
            code="precondition_failed",
            error_detail="Stale version.",
        )
        body["current"] = self.current
        return Response(body, status=status.HTTP_412_PRECONDITION_FAILED, headers={"ETag": self.etag})


def problem_body(
    status_code: int, *, title: str, detail: str, code: str, error_detail: str | None = None
) -> dict[str, Any]:
    """The problem details of a refusal with a title of its own, which the exception handler
    (whose titles name only the kind of error) does not build; shaped as every other error."""
    return {
        "type": "client_error",
        "title": title,
        "status": status_code,
        "detail": detail,
        "errors": [{"code": code, "detail": error_detail or detail, "attr": None}],
    }


def _entity_tags(header: str | None) -> set[str] | None:
    """The entity tags of an `If-Match` or `If-None-Match` header, as sent (weak ones keep `W/`).

    None when the header is absent or empty; "*" stays as it is, for the caller to read as "any".
    """
    if not header or not header.strip():
        return None
    return {tag.strip() for tag in header.split(",") if tag.strip()}


def if_match_allows(header: str | None, etag: str) -> bool:
    """Whether a write may go ahead under `If-Match` (RFC 9110 13.1.1): strong comparison.

    No header: yes. A weak tag (`W/"3"`) never matches, since it cannot promise the very
    representation the writer read.
    """
    tags = _entity_tags(header)
    return tags is None or "*" in tags or (not etag.startswith("W/") and etag in tags)


def if_none_match_hits(header: str | None, etag: str) -> bool:
    """Whether `If-None-Match` names `etag` (RFC 9110 13.1.2): weak comparison, so a GET answers 304."""
    tags = _entity_tags(header)
    if tags is None:
        return False
    return "*" in tags or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}


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
    """A body over Django's `DATA_UPLOAD_MAX_MEMORY_SIZE`, or a file over `UPLOAD_MAX_BYTES`: 413."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class ErrorCode413(models.TextChoices):
    PAYLOAD_TOO_LARGE = PayloadTooLarge.default_code, "The body or the file is over the limit"


class Error413Serializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ErrorCode413.choices)
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorResponse413Serializer(serializers.Serializer):
    """Schema of every 413 of the API (DRF_STANDARDIZED_ERRORS["ERROR_SCHEMAS"])."""

    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    errors = Error413Serializer(many=True)


class ProblemDetailsExceptionHandler(ExceptionHandler):
    """Maps domain errors to problem details; Django's refusals of a malformed request (too large
    a body, say) are the client's error, not a 500."""

    def run(self) -> Response | None:
        if isinstance(self.exc, PreconditionFailed):
            self.set_rollback()
            return self.exc.response()
        return super().run()

    def set_rollback(self) -> None:
        """Dooms the request's transaction, but not one a view exempt from `ATOMIC_REQUESTS`
        (`transaction.non_atomic_requests`) never opened: that is its caller's (a test's)."""
        match = getattr(self.context.get("request"), "resolver_match", None)
        if match is not None and DEFAULT_DB_ALIAS in getattr(match.func, "_non_atomic_requests", ()):
            return
        super().set_rollback()

    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if isinstance(exc, DomainError):
            return exc.as_api_exception()
        if isinstance(exc, RequestDataTooBig):
            return PayloadTooLarge()
        if isinstance(exc, SuspiciousOperation):
            return exceptions.ParseError("The request is malformed.")
        return super().convert_known_exceptions(exc)
