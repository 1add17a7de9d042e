"""Domain errors, and every error as RFC 9457 problem details (drf-standardized-errors' flat list).

Services decide the write rules and raise the small hierarchy below; they know nothing of
HTTP. `ProblemDetailsExceptionHandler` is the one place that turns a domain error into a
response, so a rule is written once and answered the same way from every endpoint.

Every error body has `type` (a URI per kind of problem, each kind registered in
`PROBLEM_KINDS` and documented at its address), `title`, `status`, `detail` and `instance`
(the request's path), plus `errors`: one entry per invalid field (`attr`, `code`, `detail`)
so a client can show each message beside its input. It is served as
`application/problem+json` whatever the client accepts: a JSON parser reads it all the same.
"""

from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import DEFAULT_DB_ALIAS, IntegrityError
from django.http import JsonResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from drf_standardized_errors.formatter import ExceptionFormatter
from drf_standardized_errors.handler import ExceptionHandler
from drf_standardized_errors.types import ErrorResponse
from rest_framework import exceptions, status
from rest_framework.response import Response

from .negotiation import PROBLEM_JSON
from .unavailable import unavailable_service
from .uniqueness import unique_race


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


PROBLEM_TYPE_BASE = "/api/problems/"


@dataclass(frozen=True)
class ProblemKind:
    """One kind of problem: its `type` is `PROBLEM_TYPE_BASE` + `slug`, documented at that address."""

    slug: str
    status: int
    title: Promise
    description: str


PROBLEM_KINDS = {
    kind.slug: kind
    for kind in (
        ProblemKind(
            "validation-error",
            400,
            gettext_lazy("Your request has invalid fields."),
            "A field, a filter or the request as a whole breaks a rule. `errors[]` has one entry per "
            "message: `attr` is the path of the input (`name`; a list item `languages.0`; a nested "
            "field `sources.0.url`; null for the request as a whole), `code` says what is wrong.",
        ),
        ProblemKind(
            "malformed-request",
            400,
            gettext_lazy("The request cannot be read."),
            "The body is not valid JSON, or a header such as `Idempotency-Key` is malformed (`parse_error`).",
        ),
        ProblemKind(
            "not-authenticated",
            401,
            gettext_lazy("You are not signed in."),
            "No token, or one that is malformed, expired or revoked; `errors[0].code` says which "
            "(`not_authenticated`, `token_not_valid`, `session_revoked`, ...).",
        ),
        ProblemKind(
            "permission-denied",
            403,
            gettext_lazy("You may not do this."),
            "You may see the object but not act on it this way (your role, or a workflow rule).",
        ),
        ProblemKind(
            "not-found",
            404,
            gettext_lazy("Nothing is here."),
            "No such address, an object you may not see (the API does not tell the two apart), "
            "or a page number past the end.",
        ),
        ProblemKind(
            "method-not-allowed",
            405,
            gettext_lazy("This method is not allowed here."),
            "The address exists but does not take this HTTP method; the `Allow` header lists those it takes.",
        ),
        ProblemKind(
            "not-acceptable",
            406,
            gettext_lazy("No answer in a format you accept."),
            "The `Accept` header names no format the API answers in (JSON; CSV or vCard where an "
            "operation says so).",
        ),
        ProblemKind(
            "idempotency-key-in-use",
            409,
            gettext_lazy("A request with this Idempotency-Key is still running."),
            "The first request with this `Idempotency-Key` has not finished; retry after `Retry-After` "
            "seconds.",
        ),
        ProblemKind(
            "conflict",
            409,
            gettext_lazy("Another request got there first."),
            "A value that must be unique was saved by another request at the same moment; `errors[]` "
            "names the fields (`code` `unique`). Choose another value, or reload and see what was saved.",
        ),
        ProblemKind(
            "precondition-failed",
            412,
            gettext_lazy("The object changed since you read it."),
            "`If-Match` names a version that is no longer current; nothing was changed. `current` "
            "holds the current representation, the `ETag` header its version.",
        ),
        ProblemKind(
            "payload-too-large",
            413,
            gettext_lazy("The request is too large."),
            "The body exceeds the size the API accepts.",
        ),
        ProblemKind(
            "unsupported-media-type",
            415,
            gettext_lazy("The request body is in a format the API does not read."),
            "Send JSON (`Content-Type: application/json`), or a form upload where an operation says so.",
        ),
        ProblemKind(
            "idempotency-key-reused",
            422,
            gettext_lazy("This Idempotency-Key was used for another request."),
            "The key was used with another method, path or body; use a new key for a new request.",
        ),
        ProblemKind(
            "precondition-required",
            428,
            gettext_lazy("If-Match is required."),
            "This server requires `If-Match` (the ETag you read) on every PUT, PATCH and DELETE of an "
            "object that has one; nothing was changed.",
        ),
        ProblemKind(
            "throttled",
            429,
            gettext_lazy("Too many requests."),
            "Slow down: retry after the number of seconds in `Retry-After`.",
        ),
        ProblemKind(
            "server-error",
            500,
            gettext_lazy("The server failed to handle the request."),
            "A fault on the server's side; nothing you sent is to blame. Retrying later may work.",
        ),
        ProblemKind(
            "service-unavailable",
            503,
            gettext_lazy("The service is unavailable."),
            "A part the API depends on is down; retry later (after `Retry-After` seconds if given).",
        ),
    )
}

# The kind of each status that has only one; a 400 is a validation error or a malformed request.
KIND_BY_STATUS = {kind.status: kind for kind in PROBLEM_KINDS.values() if kind.status != 400}
KIND_BY_STATUS[400] = PROBLEM_KINDS["malformed-request"]


def problem_type(slug: str) -> str:
    """The `type` URI of a registered kind: a KeyError for one not in `PROBLEM_KINDS`, hence undocumented.

    A URI reference relative to the API's address, so it is the same on every deployment and,
    resolved, leads to the page that documents the kind.
    """
    return PROBLEM_TYPE_BASE + PROBLEM_KINDS[slug].slug


def kind_of(exc: Exception, error_type: str) -> ProblemKind | None:
    """The kind of a DRF exception: its own `problem_kind` slug, else its status's (None: no kind fits)."""
    if slug := getattr(exc, "problem_kind", None):
        return PROBLEM_KINDS[slug]
    if error_type == "validation_error":
        return PROBLEM_KINDS["validation-error"]
    return KIND_BY_STATUS.get(getattr(exc, "status_code", 500))


def kind_of_status(status_code: int) -> ProblemKind:
    """The kind of an error known only by its status (a page of Django's); a 400 is unreadable input."""
    return KIND_BY_STATUS.get(status_code, KIND_BY_STATUS[500 if status_code >= 500 else 400])


def problem_body(
    slug: str,
    *,
    instance: str,
    detail: str,
    code: str,
    title: str | None = None,
    error_detail: str | None = None,
) -> dict[str, Any]:
    """Problem details of a refusal made outside DRF's exception handler, shaped as every other error."""
    kind = PROBLEM_KINDS[slug]
    return {
        "type": problem_type(slug),
        "title": str(title or kind.title),
        "status": kind.status,
        "detail": str(detail),
        "instance": instance,
        "errors": [{"code": code, "detail": str(error_detail or detail), "attr": None}],
    }


def problem_response(slug: str, request, *, headers: dict | None = None, **body: Any) -> JsonResponse:
    """`problem_body` as a response of its own, for middleware and plain Django views (not DRF views)."""
    return JsonResponse(
        problem_body(slug, instance=request.path, **body),
        status=PROBLEM_KINDS[slug].status,
        headers=headers or {},
        content_type=PROBLEM_JSON,
    )


class PreconditionFailed(DomainError):
    """`If-Match` names a version that is no longer current: 412, with the current representation."""

    def __init__(self, *, etag: str, current: Any):
        super().__init__(_("Your If-Match does not match the current version; nothing was changed."))
        self.etag = etag
        self.current = current

    def response(self, instance: str) -> Response:
        body = problem_body(
            "precondition-failed",
            instance=instance,
            detail=self.message,
            code="precondition_failed",
            error_detail=_("Stale version."),
        )
        body["current"] = self.current
        return Response(
            body,
            status=status.HTTP_412_PRECONDITION_FAILED,
            headers={"ETag": self.etag},
            content_type=PROBLEM_JSON,
        )


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


class ProblemDetailsFormatter(ExceptionFormatter):
    """drf-standardized-errors' flat error list, inside RFC 9457 members: a type URI per kind, the path."""

    def format_error_response(self, error_response: ErrorResponse) -> dict:
        errors = asdict(error_response)["errors"]
        kind = kind_of(self.exc, error_response.type)
        title = str(kind.title) if kind else HTTPStatus(self.exc.status_code).phrase
        if len(errors) > 1:
            count = len(errors)
            detail = ngettext("%(count)d field is invalid.", "%(count)d fields are invalid.", count) % {
                "count": count
            }
        else:
            detail = errors[0]["detail"] if errors else title
        request = self.context.get("request")
        return {
            "type": problem_type(kind.slug) if kind else "about:blank",
            "title": title,
            "status": self.exc.status_code,
            "detail": detail,
            "instance": request.path if request is not None else None,
            "errors": errors,
        }


class PayloadTooLarge(exceptions.APIException):
    """A body over Django's `DATA_UPLOAD_MAX_MEMORY_SIZE`, or a file over `UPLOAD_MAX_BYTES`: 413."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "payload_too_large"


class ProblemDetailsExceptionHandler(ExceptionHandler):
    """Maps domain errors to problem details; Django's refusals of a malformed request (too large
    a body, say) are the client's error, not a 500."""

    def run(self) -> Response | None:
        if unavailable_service(self.exc):
            return None  # re-raised for `handler500`, which answers every outage (core/outage.py)
        if isinstance(self.exc, PreconditionFailed):
            self.set_rollback()
            return self.exc.response(self.context["request"].path)
        response = super().run()
        if response is not None:
            response.content_type = PROBLEM_JSON
        return response

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
            return exceptions.ParseError(_("The request is malformed."))
        if isinstance(exc, IntegrityError) and (race := unique_race(exc)):
            return race
        return super().convert_known_exceptions(exc)
