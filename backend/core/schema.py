"""OpenAPI generation: problem-details errors, If-Match/412 on versioned writes, and CRUD docs.

`crud_docs()` gives every standard action a summary and a description from one place,
so each viewset declares only what is particular to it.
"""

from drf_spectacular.plumbing import force_instance, get_lib_doc_excludes, is_serializer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from drf_standardized_errors.openapi import AutoSchema as ErrorsAutoSchema
from drf_standardized_errors.openapi_utils import InputDataField, get_flat_serializer_fields
from rest_framework import permissions, serializers
from rest_framework.settings import api_settings

from . import serializers as shared
from .conditional import ConditionalRequestsMixin
from .errors import PROBLEM_JSON, PROBLEM_KINDS, problem_type
from .examples import ResourceSample, action_examples
from .idempotency import VALID_KEY
from .permissions import RoleWritePermission
from .ratelimit import RateLimitHeadersMixin
from .renderers import FileRenderer

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        'The ETag you read (or, for an object with a `version`, that version quoted: `"3"`). If the '
        "object changed since, nothing is written and the answer is 412 with the current state. "
        'Compared strongly: a weak tag (`W/"3-…"`) never matches. Where the server requires it '
        "(`REQUIRE_IF_MATCH`), a write without it is 428."
    ),
)

IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "The ETag you hold. If what you would read is still that representation, the answer is 304, bodiless."
    ),
)

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    pattern=VALID_KEY.pattern,
    description=(
        "A unique value per write (a UUID), reused when retrying it. Signed in only. The first "
        "successful answer is kept for 24 hours: a retry with the same key and the same method, "
        "path and body gets it again (header `Idempotent-Replayed: true`) without running twice. "
        "The same key with another request is 422; a retry while the first still runs is 409. "
        "A refused request keeps nothing, so it can be corrected and resent under the same key."
    ),
)


RATE_LIMIT_HEADERS = {
    "RateLimit-Policy": {
        "schema": {"type": "string"},
        "description": (
            "The limits of this operation (draft-ietf-httpapi-ratelimit-headers): per named policy, "
            'the quota `q` per window of `w` seconds, as in `"login_failures";q=5;w=60`.'
        ),
    },
    "RateLimit": {
        "schema": {"type": "string"},
        "description": (
            "What is left of each policy: `r` more requests before `t` seconds have passed, as in "
            '`"login_failures";r=4;t=60`.'
        ),
    },
}


def etag_header() -> dict:
    return {
        "schema": {"type": "string"},
        "description": (
            "Strong tag of this representation: the object's version (when it has one) and a digest "
            "of the body you get, which depends on who you are and your language. Send it back in "
            "If-Match or If-None-Match."
        ),
    }


def problem_types_help() -> str:
    """The `type` of every kind of problem, for the schema: the one list is `PROBLEM_KINDS`."""
    kinds = "\n".join(
        f"- `{problem_type(kind.slug)}` ({kind.status}): {kind.description}"
        for kind in PROBLEM_KINDS.values()
    )
    return (
        "The kind of problem: a URI reference; resolved against the API's address, it leads to "
        f"the kind's documentation. The kinds:\n{kinds}"
    )


def attr_description(name: str) -> str:
    """How an input's path appears in `attr`; errors about the whole request may also have none."""
    if name == api_settings.NON_FIELD_ERRORS_KEY:
        return f"`{name}` or null (the request as a whole)"
    return f"`{name}`"


class ProblemErrorSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="What is wrong, for programs: `required`, `invalid`, `not_found`, ..."
    )
    detail = serializers.CharField(help_text="What is wrong, for people, in the request's language.")
    attr = serializers.CharField(
        allow_null=True,
        help_text=(
            "The input the message is about, as a path: `name`; a list item `languages.0`; a field "
            "of a list item `sources.0.url`. Null when it is about the request as a whole."
        ),
    )
    row = serializers.IntegerField(
        required=False,
        help_text="Only for an uploaded file (an import): the row of the file the message is about (the "
        "header is row 1); `attr` then names its column.",
    )


@extend_schema_field({"type": "string", "format": "uri-reference"})
class ProblemTypeField(serializers.CharField):
    pass


class ProblemSerializer(serializers.Serializer):
    """An error, as RFC 9457 problem details (`application/problem+json`)."""

    type = ProblemTypeField(help_text=problem_types_help())
    title = serializers.CharField(help_text="The kind of problem, in the request's language.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(help_text="What went wrong with this request, in its language.")
    instance = serializers.CharField(help_text="The path of the request that failed.")
    errors = ProblemErrorSerializer(many=True, help_text="One entry per message.")


class ValidationProblemSerializer(ProblemSerializer):
    """Invalid input (`/api/problems/validation-error`) or an unreadable request
    (`/api/problems/malformed-request`).

    `errors[]` holds one entry per message; `attr` is the path of the input it is about.
    """


class PreconditionFailedProblemSerializer(ProblemSerializer):
    """`If-Match` names a version that is no longer current (`/api/problems/precondition-failed`)."""

    current = serializers.DictField(help_text="The current representation of the object.")


PRECONDITION_FAILED = OpenApiResponse(
    PreconditionFailedProblemSerializer, description="Stale If-Match: nothing was changed."
)


class AutoSchema(ErrorsAutoSchema):
    def _map_serializer(self, serializer, direction, bypass_extensions=False):
        # A strict serializer refuses keys it does not write: its request body says so, so that
        # clients and contract testers do not take extra keys for allowed.
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if direction == "request" and isinstance(force_instance(serializer), shared.StrictInputMixin):
            schema["additionalProperties"] = False
        return schema

    def _is_versioned_write(self) -> bool:
        return isinstance(self.view, ConditionalRequestsMixin) and self.method in ("PUT", "PATCH", "DELETE")

    def _is_versioned_read(self) -> bool:
        return (
            isinstance(self.view, ConditionalRequestsMixin)
            and getattr(self.view, "action", "retrieve") == "retrieve"
            and self.method == "GET"
        )

    def get_auth(self):
        # Reads behind RoleWritePermission are open to anyone and scoped by visibility: the
        # empty requirement tells clients that the token is optional there.
        auths = super().get_auth()
        perms = self.view.get_permissions()
        if (
            self.method in permissions.SAFE_METHODS
            and {} not in auths
            and perms
            and all(isinstance(p, (RoleWritePermission, permissions.AllowAny)) for p in perms)
        ):
            auths.append({})
        return auths

    def get_override_parameters(self):
        params = list(super().get_override_parameters())
        if self._is_versioned_write():
            params.append(IF_MATCH)
        if self._is_versioned_read():
            params.append(IF_NONE_MATCH)
        if self._takes_idempotency_key():
            params.append(IDEMPOTENCY_KEY)
        return params

    def _takes_idempotency_key(self) -> bool:
        if self.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return False
        action = getattr(self.view, "action", None) or self.method.lower()
        return action not in getattr(self.view, "idempotency_exempt_actions", ())

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self._is_versioned_write() and "412" not in responses:
            responses["412"] = self._get_response_for_code(PRECONDITION_FAILED, "412")
        if self._is_versioned_write() and "428" not in responses:
            responses["428"] = self._get_response_for_code(self._get_error_response_serializer("428"), "428")
        if self._is_versioned_read():
            responses["304"] = {
                "description": "Not modified: what you would read is still what your If-None-Match names.",
                "headers": {"ETag": etag_header()},
            }
        if self._takes_idempotency_key():
            for slug in ("idempotency-key-in-use", "idempotency-key-reused"):
                code = str(PROBLEM_KINDS[slug].status)
                responses.setdefault(
                    code, self._get_response_for_code(self._get_error_response_serializer(code), code)
                )
        return responses

    def _should_add_error_response(self, responses: dict, status_code: str) -> bool:
        # Only a body can be too large: writes that send none are never answered 413.
        if status_code == "413" and (
            self.method not in ("POST", "PUT", "PATCH") or self.get_request_serializer() is None
        ):
            return False
        return super()._should_add_error_response(responses, status_code)

    def _get_error_response_serializer(self, status_code: str) -> OpenApiResponse:
        """Every error is one of a few shared components; what differs per operation is its description."""
        if status_code == "400":
            return OpenApiResponse(ValidationProblemSerializer, description=self._bad_request_description())
        kinds = [kind for kind in PROBLEM_KINDS.values() if str(kind.status) == status_code]
        description = " ".join(f"`{problem_type(kind.slug)}`: {kind.description}" for kind in kinds)
        return OpenApiResponse(ProblemSerializer, description=description)

    def _get_error_response_examples(self):
        return []  # the library's examples show its own `type` values, not the ones this API sends

    def _bad_request_description(self) -> str:
        """The 400 of this operation: which inputs it can refuse, by `attr` path, and with which codes."""
        changed = "; nothing was changed" if self.method in ("PUT", "PATCH", "POST", "DELETE") else ""
        lines = [f"Invalid input (`{problem_type('validation-error')}`){changed}."]
        if self._should_add_validation_error_response():
            codes = self._get_validation_error_codes_by_field(self._determine_fields_with_error_codes())
            lines.append(
                "`errors[].attr` and the `code`s it comes with (`<index>`: a list item's position "
                "from 0, as in `languages.0`; `<key>`: a key of an object):"
            )
            lines.extend(
                f"- {attr_description(name)}: {', '.join(f'`{code}`' for code in sorted(codes[name]))}"
                for name in sorted(codes)
            )
        if self.method in ("PUT", "PATCH", "POST") and self._should_add_parse_error_response():
            lines.append(
                f"\nA body that is not JSON: `{problem_type('malformed-request')}`, code `parse_error`."
            )
        return "\n".join(lines)

    def _determine_fields_with_error_codes(self):
        fields = super()._determine_fields_with_error_codes()
        if self.method not in ("PUT", "PATCH", "POST"):
            return fields
        serializer = force_instance(self.get_request_serializer())
        known = {field.name: field for field in fields}

        def refusable(name: str, field) -> None:
            if name in known:
                known[name].error_codes.add("invalid")
            else:
                known[name] = InputDataField(name, field, {"invalid"})
                fields.append(known[name])

        # `validate_<field>` refuses its field with the code `invalid`, whatever the field's type
        # (an organization the caller does not coordinate, a country that has a profile already).
        for candidate in get_flat_serializer_fields(serializer):
            parent, name = candidate.field.parent, candidate.field.field_name
            if parent is not None and callable(getattr(parent, f"validate_{name}", None)):
                refusable(candidate.name, candidate.field)
        # So do the fields a serializer refuses by declaration (the mixins in core.serializers):
        # those only admins set, and read-only ones sent with another value (StrictInputMixin).
        if is_serializer(serializer):
            read_only = [name for name, field in serializer.fields.items() if field.read_only]
            for name in (*getattr(serializer, "admin_only_fields", ()), *read_only):
                if name in serializer.fields:
                    refusable(name, serializer.fields[name])
        return fields

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        # Errors are problem details even where success is another format (a calendar):
        # document them so, not in the media types of the operation's renderers.
        if media_types is None and str(status_code)[:1] in ("4", "5"):
            media_types = [PROBLEM_JSON]
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        # A file (CSV, vCard, iCalendar) is text, not the JSON schema of the same operation.
        content = response.get("content", {})
        for renderer in self.view.get_renderers():
            if isinstance(renderer, FileRenderer) and renderer.media_type in content:
                content[renderer.media_type] = {"schema": {"type": "string"}}
        return response

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if (
            isinstance(self.view, ConditionalRequestsMixin)
            and status_code in ("200", "201")
            and not self._is_list_view()
        ):
            headers["ETag"] = etag_header()
        if status_code == "201":
            headers["Location"] = {
                "schema": {"type": "string", "format": "uri"},
                "description": "The address of what was created.",
            }
        if isinstance(self.view, RateLimitHeadersMixin) and self.view.get_throttles():
            headers.update(RATE_LIMIT_HEADERS)
            if status_code == "429":
                headers["Retry-After"] = {
                    "schema": {"type": "integer", "minimum": 0},
                    "description": "Seconds to wait before trying again.",
                }
        return headers


def crud_docs(
    singular: str,
    plural: str,
    tag: str,
    read_note: str,
    write_note: str,
    examples=(),
    sample: ResourceSample | None = None,
    list_note: str = "",
):
    """Summaries, descriptions and examples for the standard actions of a viewset over `plural`.

    `examples` are create bodies; `sample` one object, for the examples of every action;
    `list_note` what the list says besides (the files it answers in).
    """
    a = "an" if singular[:1].lower() in "aeiou" else "a"
    shown = action_examples(sample, create=examples)
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {plural}",
            description=f"{read_note} Paginated; filter, search with `q`, order with `ordering`.{list_note}",
            tags=[tag],
            examples=shown.get("list", []),
        ),
        retrieve=extend_schema(
            summary=f"Get one {singular}",
            description=(
                f"{read_note} 404 for anything you may not see; 304 to the ETag you hold if it is unchanged."
            ),
            tags=[tag],
            examples=shown.get("retrieve", []),
        ),
        create=extend_schema(
            summary=f"Create {a} {singular}", description=write_note, tags=[tag], examples=shown["create"]
        ),
        update=extend_schema(
            summary=f"Replace {a} {singular}",
            description=f"{write_note} Send `If-Match` to avoid overwriting a newer edit.",
            tags=[tag],
            examples=shown.get("update", []),
        ),
        partial_update=extend_schema(
            summary=f"Update {a} {singular}",
            description=f"{write_note} Send `If-Match` to avoid overwriting a newer edit.",
            tags=[tag],
            examples=shown.get("partial_update", []),
        ),
        destroy=extend_schema(
            summary=f"Delete {a} {singular}",
            description=f"{write_note} Offline clients receive the deletion on their next sync.",
            tags=[tag],
        ),
    )


def doc_excludes() -> list[type]:
    """Docstrings of the shared serializer mixins explain code, not the API: keep them out of the schema."""
    mixins = [cls for name, cls in vars(shared).items() if name.endswith("Mixin") and isinstance(cls, type)]
    return [*get_lib_doc_excludes(), *mixins]


def with_precondition(serializer) -> dict:
    """Responses of an action that honours `If-Match`: the result, or 412 with the current state."""
    return {200: serializer, 412: PRECONDITION_FAILED}
