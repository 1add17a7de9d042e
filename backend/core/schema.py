"""OpenAPI generation: problem-details errors, If-Match/412 on versioned writes, and CRUD docs.

`crud_docs()` gives every standard action a summary and a description from one place,
so each viewset declares only what is particular to it.
"""

from drf_spectacular.plumbing import force_instance, get_lib_doc_excludes, is_serializer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from drf_standardized_errors.openapi import AutoSchema as ErrorsAutoSchema
from drf_standardized_errors.openapi_utils import InputDataField, get_flat_serializer_fields
from rest_framework import permissions, serializers

from . import serializers as shared
from .idempotency import VALID_KEY
from .permissions import RoleWritePermission
from .viewsets import VersionedViewSetMixin

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "The ETag you read. If the object changed since, nothing is written and the answer is 412. "
        'Compared strongly: a weak tag (`W/"3"`) never matches.'
    ),
)

IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="The ETag you hold. If the object is still at that version, the answer is 304, bodiless.",
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


def etag_header() -> dict:
    return {"schema": {"type": "string"}, "description": "Version of the object, for If-Match."}


class PreconditionFailedSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    current = serializers.DictField(help_text="The current representation of the object.")


class ProblemErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class IdempotencyProblemSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = ProblemErrorSerializer(many=True)


IDEMPOTENCY_RESPONSES = {
    "409": "The first request with this Idempotency-Key is still running (`idempotency_key_in_use`); "
    "retry after `Retry-After` seconds.",
    "422": "This Idempotency-Key was used with another method, path or body (`idempotency_key_reused`).",
}


class AutoSchema(ErrorsAutoSchema):
    def _is_versioned_write(self) -> bool:
        return isinstance(self.view, VersionedViewSetMixin) and self.method in ("PUT", "PATCH", "DELETE")

    def _is_versioned_read(self) -> bool:
        return (
            isinstance(self.view, VersionedViewSetMixin)
            and getattr(self.view, "action", None) == "retrieve"
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
            responses["412"] = self._get_response_for_code(
                OpenApiResponse(
                    PreconditionFailedSerializer, description="Stale If-Match: nothing was changed."
                ),
                "412",
            )
        if self._is_versioned_read():
            responses["304"] = {
                "description": "Not modified: the object is still at the version your If-None-Match names.",
                "headers": {"ETag": etag_header()},
            }
        if self._takes_idempotency_key():
            for code, description in IDEMPOTENCY_RESPONSES.items():
                responses.setdefault(
                    code,
                    self._get_response_for_code(
                        OpenApiResponse(IdempotencyProblemSerializer, description=description), code
                    ),
                )
        return responses

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
        # So do the fields a serializer refuses by declaration (the mixins in core.serializers).
        if is_serializer(serializer):
            declared = (
                *getattr(serializer, "admin_only_fields", ()),
                *getattr(serializer, "action_only_fields", ()),
            )
            for name in declared:
                if name in serializer.fields:
                    refusable(name, serializer.fields[name])
        return fields

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        # Errors are JSON problem details even where success is another format (a calendar):
        # document them as JSON, not in the media types of the operation's renderers.
        if media_types is None and str(status_code)[:1] in ("4", "5"):
            media_types = ["application/json"]
        return super()._get_response_for_code(serializer, status_code, media_types, direction)

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if (
            isinstance(self.view, VersionedViewSetMixin)
            and status_code in ("200", "201")
            and not self._is_list_view()
        ):
            headers["ETag"] = etag_header()
        if (
            isinstance(self.view, VersionedViewSetMixin)
            and status_code == "201"
            and self.view.action == "create"
        ):
            headers["Location"] = {
                "schema": {"type": "string", "format": "uri"},
                "description": "The address of the new object.",
            }
        return headers


def crud_docs(singular: str, plural: str, tag: str, read_note: str, write_note: str, examples=()):
    """Summaries and descriptions for the standard actions of a viewset over `plural`."""
    a = "an" if singular[:1].lower() in "aeiou" else "a"
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {plural}",
            description=f"{read_note} Paginated; filter, search with `q`, order with `ordering`.",
            tags=[tag],
        ),
        retrieve=extend_schema(
            summary=f"Get one {singular}",
            description=f"{read_note} 404 for anything you may not see; the ETag header is its version.",
            tags=[tag],
        ),
        create=extend_schema(
            summary=f"Create {a} {singular}", description=write_note, tags=[tag], examples=list(examples)
        ),
        update=extend_schema(
            summary=f"Replace {a} {singular}",
            description=f"{write_note} Send `If-Match` to avoid overwriting a newer edit.",
            tags=[tag],
        ),
        partial_update=extend_schema(
            summary=f"Update {a} {singular}",
            description=f"{write_note} Send `If-Match` to avoid overwriting a newer edit.",
            tags=[tag],
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
    return {
        200: serializer,
        412: OpenApiResponse(
            PreconditionFailedSerializer, description="Stale If-Match: nothing was changed."
        ),
    }


def drop_unnamed_discriminators(result, generator, request, public):
    """Postprocessing hook: remove a discriminator whose mapping names a branch by `null`.

    An error schema whose only entry has `attr: null` (an error about the request as a whole)
    gets a discriminator mapping keyed by None, written as the YAML key `null:`: not a string,
    so YAML parsers refuse or misread the file. One branch needs no discriminator anyway, and
    a value that is not a string cannot select one.
    """
    for schema in result.get("components", {}).get("schemas", {}).values():
        mapping = schema.get("discriminator", {}).get("mapping", {})
        if any(not isinstance(key, str) for key in mapping):
            del schema["discriminator"]
    return result
