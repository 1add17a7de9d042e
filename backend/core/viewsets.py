"""Base viewsets: visibility scoping, ETags and If-Match, declared once for every domain.

A domain viewset is a declaration: `queryset`, `serializer_class`, `filterset_class`,
`write_roles`. Reads go through `visible_to(viewer)`, so anything invisible is a 404;
a detail read answers 304 to an `If-None-Match` naming its version. Writes of versioned
objects honour `If-Match` and answer 412 with the current representation instead of
overwriting a newer edit; an update that changes nothing saves nothing, so the version
(and the change feed) moves only when the object does. A create answers 201 with the new
object's address in `Location`.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.urls import NoReverseMatch
from drf_orjson_renderer.renderers import ORJSONRenderer
from rest_framework import status, viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response

from .errors import PreconditionFailed, if_match_allows, if_none_match_hits
from .filters import UnlessUnfilteredFilterBackend
from .pagination import KeysetPagination
from .references import with_visible_references
from .representation import Representation
from .viewer import Viewer, request_viewer


class VisibleViewSetMixin:
    """Scopes every read to what the requesting viewer may see."""

    write_roles = "coordinator"
    owner_field = "organization_id"

    @property
    def viewer(self) -> Viewer:
        return request_viewer(self.request)

    def get_queryset(self):
        queryset = super().get_queryset().visible_to(self.viewer)
        return with_visible_references(queryset, self.get_serializer_class(), self.viewer)

    def owner_id_of(self, obj) -> int | None:
        return getattr(obj, self.owner_field)


class VersionedViewSetMixin:
    """ETag on reads (304 when unchanged); `If-Match` on writes; 412 with the current state if stale."""

    def get_object(self):
        obj = super().get_object()
        if self.request.method not in ("GET", "HEAD", "OPTIONS"):
            # Lock the row so two racing writers are serialized and the check below is true.
            obj = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        return obj

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        obj = getattr(self, "_etag_object", None)
        if obj is None:
            return response
        if response.status_code < 300 or response.status_code == status.HTTP_304_NOT_MODIFIED:
            response["ETag"] = obj.etag
        if response.status_code == status.HTTP_201_CREATED and "Location" not in response:
            location = self.location_of(obj)
            if location is not None:
                response["Location"] = location
        return response

    def location_of(self, obj) -> str | None:
        """The detail URL of an object this viewset created, or None when it is another kind of object."""
        if not isinstance(obj, self.queryset.model):
            return None
        try:
            return self.reverse_action("detail", args=[obj.pk])
        except NoReverseMatch:
            return None

    def retrieve(self, request, *args, **kwargs):
        self._etag_object = self.get_object()
        if if_none_match_hits(request.headers.get("If-None-Match"), self._etag_object.etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED)
        return Response(self.get_serializer(self._etag_object).data)

    def check_precondition(self, obj) -> None:
        """Raise `PreconditionFailed` unless the request's `If-Match` names this very version of `obj`."""
        if not if_match_allows(self.request.headers.get("If-Match"), obj.etag):
            raise PreconditionFailed(etag=obj.etag, current=self.get_serializer(obj).data)

    def act_on_object(self, act) -> Response:
        """Answer with `act(obj)` for the requested object, unless `If-Match` says it changed since."""
        obj = self.get_object()
        self.check_precondition(obj)
        self._etag_object = act(obj)
        return Response(self.get_serializer(self._etag_object).data)

    def changes_nothing(self, serializer) -> bool:
        """Whether an update leaves the object as it is (answered without a write); see `changes_nothing`."""
        return changes_nothing(serializer)

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        self.check_precondition(instance)
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        if self.changes_nothing(serializer):
            self._etag_object = instance
            return Response(self.get_serializer(instance).data)
        self.perform_update(serializer)
        self._etag_object = serializer.instance
        return Response(serializer.data)

    @transaction.atomic
    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        self.check_precondition(instance)
        self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self._etag_object = serializer.instance


def changes_nothing(serializer) -> bool:
    """Whether every validated value of an update equals what the object holds already.

    Only model fields are compared (a foreign key by its id, a many-to-many as a set); a
    value the model does not hold as such (nested writes, derived inputs) counts as a change,
    so the write goes through the serializer as before.
    """
    instance = serializer.instance
    for name, value in serializer.validated_data.items():
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if field.many_to_many:
            if set(getattr(instance, name).all()) != set(value):
                return False
        elif not field.concrete:
            return False
        elif field.is_relation:
            if getattr(instance, field.attname) != getattr(value, "pk", value):
                return False
        elif getattr(instance, field.attname) != value:
            return False
    return True


class FastListMixin:
    """Lists that grow with the network: keyset pages, rows read through the compiled representation.

    One query a page (the page's rows with their sort key), one more for the count of a numbered
    page and one per nested list. Writes and single objects keep the DRF serializer.
    """

    pagination_class = KeysetPagination
    filter_backends = [UnlessUnfilteredFilterBackend, OrderingFilter]

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset()).prefetch_related(None)
        representation = Representation.of(self.get_serializer_class())
        names = representation.names

        def read(page, extra):
            return representation.records(page, self.viewer, extra=extra)

        records = self.paginator.paginate_records(queryset, request, read)
        return self.paginator.keyset_response([dict(zip(names, record, strict=True)) for record in records])

    def get_renderers(self):
        # A page's values are plain text, numbers and lists: orjson writes the same JSON as DRF's
        # renderer in a fortieth of the time. Other actions may answer objects it writes otherwise
        # (a datetime), so they keep DRF's.
        if self.action == "list":
            return [ORJSONRenderer()]
        return super().get_renderers()


class VisibleModelViewSet(VisibleViewSetMixin, VersionedViewSetMixin, viewsets.ModelViewSet):
    """Full CRUD over a versioned, visibility-scoped model."""

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
