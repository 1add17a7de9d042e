"""Base viewsets: visibility scoping, ETags and If-Match, declared once for every domain.

A domain viewset is a declaration: `queryset`, `serializer_class`, `filterset_class`,
`write_roles`. Reads go through `visible_to(viewer)`, so anything invisible is a 404;
a detail read answers 304 to an `If-None-Match` naming its tag (`core.conditional`). Writes of
versioned objects honour `If-Match` and answer 412 with the current representation instead of
overwriting a newer edit; an update that changes nothing saves nothing, so the version
(and the change feed) moves only when the object does. A create answers 201 with the new
object's address in `Location`.
"""

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import NoReverseMatch
from drf_orjson_renderer.renderers import ORJSONRenderer
from rest_framework import status, viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response

from .conditional import ConditionalRequestsMixin
from .filters import UnlessUnfilteredFilterBackend
from .locks import lock_for_write
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

    def filter_queryset(self, queryset):
        """Filters narrow a list; they never hide an object read or written at its own address.

        DRF applies them to detail routes too, so `?language=uk`, which on a contact's address asks
        for its Ukrainian texts, would answer 404 for a contact that does not speak Ukrainian.
        """
        if self.detail:
            return queryset
        return super().filter_queryset(queryset)

    def owner_id_of(self, obj) -> int | None:
        return getattr(obj, self.owner_field)


class VersionedViewSetMixin(ConditionalRequestsMixin):
    """Writes of versioned objects: a locked row, `If-Match` (412 if stale), no version for a no-op.

    Tags, 304 and the precondition itself are `core.conditional`'s.
    """

    def get_object(self):
        if self.request.method in SAFE_METHODS:
            return super().get_object()
        # Lock the row first, so two racing writers are serialized and the precondition (checked
        # on the object as its caller reads it) is still true when the write lands.
        self.lock_requested_row()
        obj = self._as_read = super().get_object()
        # The write gets the row as stored: what the read annotated or prefetched is the state
        # before the write, and services read it afresh.
        return type(obj)._base_manager.get(pk=obj.pk)

    def lock_requested_row(self) -> None:
        lookup = self.lookup_url_kwarg or self.lookup_field
        rows = lock_for_write(self.queryset.model._base_manager.all())
        try:
            rows.filter(**{self.lookup_field: self.kwargs[lookup]}).values_list("pk").first()
        except (ValueError, DjangoValidationError):
            return  # not an address of any row: the lookup that follows answers 404

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        obj = self._etag_object
        if obj is not None and response.status_code == status.HTTP_201_CREATED and "Location" not in response:
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

    def act_on_object(self, act) -> Response:
        """Answer with `act(obj)` for the requested object, unless `If-Match` says it changed since."""
        obj = self.get_object()
        self.check_precondition(self._as_read)
        self._etag_object = act(obj)
        return Response(self.get_serializer(self._etag_object).data)

    def changes_nothing(self, serializer) -> bool:
        """Whether an update leaves the object as it is (answered without a write); see `changes_nothing`."""
        return changes_nothing(serializer)

    @transaction.atomic
    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
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
