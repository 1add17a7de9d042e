"""The read representation of a serializer, compiled once and filled from `.values()` rows.

A DRF serializer builds model instances (django-countries cleans every country code on
assignment), deep-copies its fields per request and runs a chain of per-field calls per
row. Reads of many objects (lists, sync snapshots) need none of that: the representation
is a fixed mapping of columns to JSON values. `Representation.of(SerializerClass)` derives
that mapping from the serializer's own declared fields, so the serializer stays the one
description of the contract (and of writes); `tests/core/test_representation.py` checks
that both give the same output for every field.

Supported read fields: model columns (plain, choice, UUID, date-time, foreign-key ids),
code lists (`core.serializers.CodeListField`), dotted sources through foreign keys
(`organization.name`), `core.references.VisibleReferenceField`, nested `many=True`
serializers of a reverse foreign key (one extra query per page), and values a serializer
declares in `computed_fields` (a `Computed`). Anything else is refused when compiled,
never silently dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from itertools import islice
from operator import itemgetter

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.utils import timezone
from rest_framework import fields as drf_fields
from rest_framework import relations, serializers

from .fields import split_codes
from .references import VisibleReferenceField, with_visible_references
from .viewer import Viewer

PLAIN_FIELDS = (
    drf_fields.CharField,
    drf_fields.IntegerField,
    drf_fields.BooleanField,
    drf_fields.ChoiceField,
    drf_fields.ReadOnlyField,
    relations.PrimaryKeyRelatedField,
)


@dataclass(frozen=True)
class Computed:
    """A value made in Python from columns of the same row, for a field that is no column.

    Declared on a serializer: `computed_fields = {"is_stale": Computed(("last_verified_at",), stale)}`;
    `function` receives the columns' values in that order.
    """

    columns: tuple[str, ...]
    function: Callable


def datetime_text(value: datetime | None, zone=None) -> str | None:
    """ISO 8601 in the current time zone (or `zone`), UTC as `Z`: what DRF's `DateTimeField` writes."""
    if not value:
        return None
    if timezone.is_aware(value):
        value = value.astimezone(zone or timezone.get_current_timezone())
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _codes(value) -> list[str]:
    # A code-list column arrives as a list already; django-countries' raw column is "DE,FR".
    return value if type(value) is list else split_codes(value)


def _uuid_text(value) -> str | None:
    return None if value is None else str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))


@dataclass(frozen=True)
class _Column:
    name: str
    paths: tuple[str, ...]
    convert: Callable | None  # None: the value as the database gives it
    flag: str | None = None  # VisibleReferenceField: the annotation saying the viewer may see it
    computed: bool = False  # a Computed value: its function is given None too


@dataclass(frozen=True)
class _Nested:
    name: str
    representation: Representation
    link: str  # the child's foreign key to the parent ("document_id")


class Representation:
    """How one serializer's read output is made from database rows.

    `rows(queryset, viewer)` gives the representations of the queryset's objects in its order:
    one `.values_list()` query, plus one per nested list. `names` and `records(...)` give the
    same values as lists in `names` order, for a columnar format.
    """

    def __init__(self, serializer_class: type[serializers.Serializer], exclude: Sequence[str] = ()):
        self.serializer_class = serializer_class
        self.model = serializer_class.Meta.model
        computed = getattr(serializer_class, "computed_fields", {})
        self.entries: list[_Column | _Nested] = []
        for name, field in serializer_class().fields.items():
            if field.write_only or name in exclude:
                continue
            if name in computed:
                spec = computed[name]
                self.entries.append(_Column(name, spec.columns, spec.function, computed=True))
            elif isinstance(field, serializers.ListSerializer):
                self.entries.append(self._nested(name, field))
            else:
                self.entries.append(self._column(name, field))
        self.names = [entry.name for entry in self.entries]
        self.nested = [entry for entry in self.entries if isinstance(entry, _Nested)]
        columns = [entry for entry in self.entries if isinstance(entry, _Column)]
        self.columns = list(dict.fromkeys(path for column in columns for path in column.paths))
        self._flags = [column.flag for column in columns if column.flag]

    @classmethod
    @cache
    def of(cls, serializer_class: type[serializers.Serializer], exclude: tuple[str, ...] = ()):
        """The representation of `serializer_class` (less `exclude`), compiled once per process."""
        return cls(serializer_class, exclude)

    # -- compiling -------------------------------------------------------------------------

    def _column(self, name: str, field: drf_fields.Field) -> _Column:
        if field.source == "*":
            raise ImproperlyConfigured(
                f"{self.serializer_class.__name__}.{name}: source='*' is not supported."
            )
        path = field.source.replace(".", "__")
        if isinstance(field, VisibleReferenceField):
            return _Column(name, (path,), None, flag=field.flag)
        if isinstance(field, drf_fields.ListField):
            return _Column(name, (path,), _codes)
        if isinstance(field, drf_fields.DateTimeField):
            return _Column(name, (path,), datetime_text)
        if isinstance(field, drf_fields.DateField):
            return _Column(name, (path,), date.isoformat)
        if isinstance(field, drf_fields.UUIDField):
            return _Column(name, (path,), _uuid_text)
        if isinstance(field, PLAIN_FIELDS) and not isinstance(field, drf_fields.FileField):
            return _Column(name, (path,), None)
        raise ImproperlyConfigured(
            f"{self.serializer_class.__name__}.{name} ({type(field).__name__}) has no fast representation: "
            "declare it in computed_fields."
        )

    def _nested(self, name: str, field: serializers.ListSerializer) -> _Nested:
        relation = self.model._meta.get_field(field.source)
        return _Nested(name, Representation.of(type(field.child)), relation.field.attname)

    # -- reading ---------------------------------------------------------------------------

    def records(self, queryset: QuerySet, viewer: Viewer, extra: Sequence[str] = ()) -> list[list]:
        """The values of each object of `queryset` in `names` order (then `extra` columns as stored)."""
        rows, index = self._rows(queryset, viewer, extra)
        return self._records_of(list(rows), index, viewer, extra)

    def stream(self, queryset: QuerySet, viewer: Viewer, chunk_size: int) -> Iterator[list]:
        """`records`, read through one cursor `chunk_size` rows at a time: memory stays bounded,
        and a nested list costs one query a chunk."""
        rows, index = self._rows(queryset, viewer, ())
        rows = rows.iterator(chunk_size=chunk_size)
        for chunk in iter(lambda: list(islice(rows, chunk_size)), []):
            yield from self._records_of(chunk, index, viewer, ())

    def _rows(self, queryset: QuerySet, viewer: Viewer, extra: Sequence[str]) -> tuple[QuerySet, dict]:
        """The `values_list` queryset the records are made from, and each column's position in its rows."""
        if self._flags and not viewer.is_admin and not set(self._flags) <= set(queryset.query.annotations):
            queryset = with_visible_references(queryset, self.serializer_class, viewer)
        keys = list(dict.fromkeys([*self.columns, *([] if viewer.is_admin else self._flags), "pk", *extra]))
        index = {key: position for position, key in enumerate(keys)}
        return queryset.values_list(*keys), index

    def _records_of(self, rows: list[tuple], index: dict, viewer: Viewer, extra: Sequence[str]) -> list[list]:
        children = {
            entry.name: self._children(entry, rows, index["pk"], viewer)
            for entry in self.entries
            if isinstance(entry, _Nested)
        }
        makers = [self._maker(entry, index, viewer, children) for entry in self.entries]
        tail = [index[key] for key in extra]
        return [[make(row) for make in makers] + [row[i] for i in tail] for row in rows]

    def rows(self, queryset: QuerySet, viewer: Viewer) -> list[dict]:
        """The representation of each object of `queryset`, in its order."""
        names = self.names
        return [dict(zip(names, record, strict=True)) for record in self.records(queryset, viewer)]

    @staticmethod
    def _maker(entry, index: dict, viewer: Viewer, children: dict) -> Callable:
        if isinstance(entry, _Nested):
            grouped, pk = children[entry.name], index["pk"]
            return lambda row: grouped.get(row[pk], [])
        positions = [index[path] for path in entry.paths]
        convert = entry.convert
        if len(positions) > 1 or entry.computed:
            return lambda row: convert(*(row[i] for i in positions))
        (position,) = positions
        if entry.flag and not viewer.is_admin:
            flag = index[entry.flag]
            return lambda row: row[position] if row[flag] else None
        if convert is None:
            return itemgetter(position)
        if convert is datetime_text:
            zone = timezone.get_current_timezone()  # once a page, not once a value
            return lambda row: datetime_text(row[position], zone)
        return lambda row: None if row[position] is None else convert(row[position])

    @staticmethod
    def _children(entry: _Nested, rows: Iterable[tuple], pk: int, viewer: Viewer) -> dict:
        """The nested representations of the parents in `rows`, by parent id (one query)."""
        child = entry.representation
        queryset = child.model._default_manager.filter(**{f"{entry.link}__in": [row[pk] for row in rows]})
        grouped: dict = {}
        for record in child.records(queryset, viewer, extra=(entry.link,)):
            parent = record.pop()
            grouped.setdefault(parent, []).append(dict(zip(child.names, record, strict=True)))
        return grouped
