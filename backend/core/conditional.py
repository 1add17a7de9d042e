"""Conditional requests (RFC 9110, section 13): a strong ETag per representation, 304, If-Match, 428.

What a detail read answers depends on who asks (a paused contact's reason is its owners' alone,
an embedded name shows only to those who may see what it names) and on the language asked for,
so the bare version cannot be the tag: two callers would hold one tag for two bodies. The tag is
the object's version followed by a digest of the body this caller gets (`"3-1f0c…"`); it changes
whenever that body does, and `Vary: Authorization, Accept-Language` says what it depends on.
User accounts have no version: their tag is the digest alone, which is as strong, since the
representation is all that a writer can have read.

A write honours `If-Match` naming the tag of the representation its caller reads now; for a
versioned object the bare version (`"3"`) names it too, because offline replicas hold the
`version` field of what sync sent them, not a detail read's header (docs/design.md, "Sync").
With `REQUIRE_IF_MATCH` a write without `If-Match` is refused with 428.
"""

import hashlib

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .errors import PreconditionFailed, if_match_allows, if_none_match_hits

VARY = ("Authorization", "Accept-Language")


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = gettext_lazy(
        "Send If-Match with the ETag you read; this server requires it for every change."
    )
    default_code = "precondition_required"


def representation_etag(obj, data) -> str:
    """The strong tag of `data`, the representation of `obj` one caller gets."""
    digest = hashlib.sha256(JSONRenderer().render(data)).hexdigest()[:16]
    version = getattr(obj, "version", None)
    return f'"{digest}"' if version is None else f'"{version}-{digest}"'


class ConditionalRequestsMixin:
    """ETag on detail reads and write answers, 304 on `If-None-Match`, `If-Match` (and 428) on writes.

    Works on any generic view over one object: a PUT, PATCH or DELETE checks `If-Match` as it
    looks the object up. `VersionedViewSetMixin` adds row locks and no-op updates.
    """

    _etag_object = None

    def retrieve(self, request, *args, **kwargs):
        self._etag_object = self.get_object()
        data = self.get_serializer(self._etag_object).data
        etag = representation_etag(self._etag_object, data)
        if if_none_match_hits(request.headers.get("If-None-Match"), etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(data, headers={"ETag": etag})

    def check_precondition(self, obj) -> None:
        """Raise unless `If-Match` names what the caller reads of `obj` now (428 when required and absent)."""
        header = self.request.headers.get("If-Match")
        if header is None:
            if settings.REQUIRE_IF_MATCH:
                raise PreconditionRequired()
            return
        current = self.get_serializer(obj).data
        etag = representation_etag(obj, current)
        version_tag = getattr(obj, "etag", None)
        if not (if_match_allows(header, etag) or (version_tag and if_match_allows(header, version_tag))):
            raise PreconditionFailed(etag=etag, current=current)

    def get_object(self):
        obj = super().get_object()
        if self.request.method in ("PUT", "PATCH", "DELETE"):
            self.check_precondition(obj)
            self._etag_object = obj
        return obj

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        obj = self._etag_object
        if (
            obj is not None
            and "ETag" not in response
            and response.status_code in (status.HTTP_200_OK, status.HTTP_201_CREATED)
            and isinstance(getattr(response, "data", None), dict)
        ):
            response["ETag"] = representation_etag(obj, response.data)
        patch_vary_headers(response, VARY)
        return response
