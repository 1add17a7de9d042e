"""GET /sync/: full snapshot, then only what changed, deletions included, per viewer."""

from drf_orjson_renderer.renderers import ORJSONRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import AutoSchema
from core.viewer import request_viewer

from .cursor import Cursor, InvalidCursor
from .engine import MAX_LIMIT, SyncEngine
from .serializers import SyncQuerySerializer, SyncResponseSerializer

DESCRIPTION = f"""
Keeps an offline replica (or a third-party mirror) equal to what you may see: country profiles,
organizations, contact points and every other synced type, each object as its list endpoint
represents it, less what the replica holds elsewhere (a contact point's `organization_name` is
its organization's `name`), with times to the whole second.

**Format**: `changes` holds one block per type. A block names the fields once (`fields`), then
gives one row of values per object (`rows`, in `fields` order; the object's id is the value of
the field named by `key`), then the ids of objects to drop (`deleted`). A response names an
object at most once, so blocks and rows may be applied in any order.

**First sync**: call without `cursor`. The answer is a full snapshot (`reset: true`), paged:
while `has_more` is true, call again at once with the returned `cursor`.

**Later syncs**: send the last `cursor` you got. The answer lists only objects that changed
since: rows to store under `type` + id, ids to drop. A deletion means you can no longer see
the object: it was deleted, its visibility was lowered, it was marked compromised or paused,
or it moved out of your reach. You never receive deletions of objects you never could see.
An object may come more than once; a row always carries the current state, so applying it
again is harmless.

**Reset**: when what you may see changed (a membership granted or removed, a role changed),
when your cursor is older than the retained history, or when the synced types or their fields
changed, the answer is a new full snapshot with `reset: true` and `reset_reason`: replace your
replica with it (keep the old one until the last page has arrived, then swap).

**Nothing new**: send the `ETag` of your last response as `If-None-Match` with its cursor:
the answer is `304 Not Modified` without a body when nothing changed for you; keep your cursor.

**Busy**: only a few snapshot pages are built at once. Beyond that a snapshot page is
`429 Too Many Requests` (`snapshots_busy`): ask again, with the same cursor, after the seconds
in `Retry-After`. Syncs that only ask for changes are not limited.

**Cursor**: opaque, signed and bound to your account; a forged or altered cursor, or one
issued to someone else, is a 400: sync again without a cursor. `limit` caps the objects per
response (at most {MAX_LIMIT}). Authenticated answers carry `Cache-Control: no-store`; a 401
means your session ended: sign in again, and wipe the replica if you cannot. Responses are
compressed when you send `Accept-Encoding: gzip`.
""".strip()

CURSOR_EXAMPLE = "eyJ2IjoxLCJ1c2VyX2lkIjo3fQ:1vQ2xS:3kq2Yc0r9qZ1bW8sV4xgT6mN0pE5aR7uJ2hF9dL1cKo"

SNAPSHOT_EXAMPLE = OpenApiExample(
    "First sync (full snapshot; fields shortened)",
    value={
        "cursor": CURSOR_EXAMPLE,
        "reset": True,
        "reset_reason": "no_cursor",
        "has_more": False,
        "changes": [
            {
                "type": "country",
                "key": "code",
                "fields": ["code", "name", "conscription", "version", "updated_at"],
                "rows": [["DE", "Germany", "Suspended since 2011.", 3, "2026-03-02T10:15:00Z"]],
                "deleted": [],
            },
            {
                "type": "organization",
                "key": "id",
                "fields": ["id", "name", "slug", "version"],
                "rows": [
                    [1, "Network office (example data)", "network-office", 5],
                    [2, "Tbilisi counseling (example data)", "tbilisi-counseling", 2],
                ],
                "deleted": [],
            },
            {
                "type": "contact_point",
                "key": "id",
                "fields": ["id", "organization", "channel", "value", "version"],
                "rows": [[17, 1, "telegram", "@example_help", 2], [18, 2, "phone", "+995 32 200 00 00", 1]],
                "deleted": [],
            },
        ],
    },
    response_only=True,
    status_codes=["200"],
)

DELTA_EXAMPLE = OpenApiExample(
    "Later sync: one contact changed, one compromised (fields shortened)",
    value={
        "cursor": CURSOR_EXAMPLE,
        "reset": False,
        "reset_reason": None,
        "has_more": False,
        "changes": [
            {
                "type": "contact_point",
                "key": "id",
                "fields": ["id", "organization", "channel", "hours", "version"],
                "rows": [[21, 1, "phone", "Mon-Fri 10-18", 4]],
                "deleted": ["17"],
            },
        ],
    },
    response_only=True,
    status_codes=["200"],
)

IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="The `ETag` of your previous sync response; sent with its cursor, 304 when nothing changed.",
)


class SyncSchema(AutoSchema):
    def _should_add_http429_error_response(self) -> bool:
        return True  # a snapshot page beyond the slots (sync/slots.py), though no throttle applies

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if status_code == "429":
            headers["Retry-After"] = {
                "schema": {"type": "integer"},
                "description": "Seconds to wait before asking for the snapshot page again.",
            }
        if status_code in ("200", "304"):
            headers["ETag"] = {
                "schema": {"type": "string"},
                "description": "Names your view of the data as of this response; send it as If-None-Match.",
            }
            headers["Cache-Control"] = {
                "schema": {"type": "string"},
                "description": "`no-store, private` when signed in; `no-cache` for anonymous callers.",
            }
        return headers


@extend_validation_errors(
    ["invalid_cursor", "foreign_cursor", "max_length"], field_name="cursor", methods=["get"]
)
@extend_validation_errors(
    ["invalid", "min_value", "max_value", "max_string_length"], field_name="limit", methods=["get"]
)
class SyncView(APIView):
    permission_classes = [AllowAny]
    # A snapshot is megabytes of plain values: orjson writes the same JSON several times faster.
    renderer_classes = [ORJSONRenderer]
    schema = SyncSchema()

    @extend_schema(
        operation_id="sync",
        summary="Sync: full snapshot, then changes",
        description=DESCRIPTION,
        parameters=[SyncQuerySerializer, IF_NONE_MATCH],
        responses={
            200: OpenApiResponse(SyncResponseSerializer, description="A page of the snapshot or of changes."),
            304: OpenApiResponse(description="Nothing changed for you since this cursor; keep it."),
        },
        examples=[SNAPSHOT_EXAMPLE, DELTA_EXAMPLE],
        tags=["sync"],
    )
    def get(self, request):
        query = SyncQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        viewer = request_viewer(request)
        cursor = self._cursor(query.validated_data.get("cursor"), viewer)
        engine = SyncEngine(
            viewer,
            limit=query.validated_data["limit"],
            context={"request": request, "view": self, "format": None},
        )
        page = engine.page(cursor, request.headers.get("If-None-Match"))
        response = Response(status=status.HTTP_304_NOT_MODIFIED) if page.not_modified else Response(page.body)
        if page.etag:
            response["ETag"] = page.etag
        if not viewer.is_authenticated:
            response["Cache-Control"] = "no-cache"
        return response

    @staticmethod
    def _cursor(raw: str | None, viewer) -> Cursor | None:
        if not raw:
            return None
        try:
            cursor = Cursor.decode(raw)
        except InvalidCursor as exc:
            raise ValidationError({"cursor": [str(exc)]}, code="invalid_cursor") from exc
        if cursor.user_id != viewer.user_id:
            raise ValidationError(
                {"cursor": ["This cursor was issued to another account; sync again without a cursor."]},
                code="foreign_cursor",
            )
        return cursor
