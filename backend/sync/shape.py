"""What a replica receives of each synced type: its field names once, then one row of values per object.

Rows are filled by `core.representation` (one `values_list` query, none of DRF's per-field
work) wherever a type's serializer compiles to it; a type whose serializer does not (a few
small ones: countries, resources, campaigns) is represented by its serializer and laid out
the same way, so a client cannot tell the two apart. Times go out to the whole second: a
replica needs no more, and microseconds are the least compressible part of a row.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from rest_framework.fields import DateTimeField
from rest_framework.serializers import ListSerializer

from changes.registry import Tracked
from core.references import VisibleReferenceField
from core.representation import Representation
from core.serializers import CodeListField
from core.viewer import Viewer

_FRACTION = re.compile(r"\.\d+")


def whole_seconds(text: str | None) -> str | None:
    """`2026-05-01T10:11:12.345678Z` as `2026-05-01T10:11:12Z`."""
    return _FRACTION.sub("", text, count=1) if text else text


def utc_seconds(value: datetime) -> str:
    """An aware time in UTC to the whole second, `2026-05-01T10:11:12Z`: the same instant the list
    gives, without looking up the active time zone for each of tens of thousands of values."""
    return value.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


class SyncRepresentation(Representation):
    """`core.representation` with times read straight to whole seconds in UTC."""

    def _column(self, name, field):
        column = super()._column(name, field)
        return replace(column, convert=utc_seconds) if isinstance(field, DateTimeField) else column


_GENERIC_READERS = (CodeListField.to_representation, VisibleReferenceField.to_representation)


def _read_generically(field) -> bool:
    """Whether `field` reads a value as its DRF base class does (or is one of core's fields the
    representation knows): a subclass with a reading of its own (an event's times in its time
    zone) is left to the serializer."""
    if isinstance(field, ListSerializer):
        return True
    readers = [type(field).to_representation, getattr(type(field), "enforce_timezone", None)]
    return all(
        reader is None or reader.__module__.startswith("rest_framework.") or reader in _GENERIC_READERS
        for reader in readers
    )


class Shape:
    """The columns of one synced type and how its rows are read."""

    def __init__(self, entry: Tracked):
        self.entry = entry
        self.names = entry.synced_fields
        fields = entry.serializer_class().fields
        self.key_index = self._key_index(fields)
        self._times = [i for i, name in enumerate(self.names) if isinstance(fields[name], DateTimeField)]
        self._fast = None
        if all(_read_generically(fields[name]) for name in self.names):
            # AttributeError: a nested serializer with no model; such a type keeps its serializer.
            with suppress(ImproperlyConfigured, AttributeError):
                exclude = tuple(sorted(entry.sync_exclude))
                self._fast = SyncRepresentation.of(entry.serializer_class, exclude=exclude)
        if self._fast is not None and self._fast.names != self.names:
            raise ImproperlyConfigured(f"Synced type {entry.type_name!r}: representation fields differ.")

    @classmethod
    @cache
    def of(cls, entry: Tracked) -> Shape:
        return cls(entry)

    @property
    def key_name(self) -> str:
        """The field whose value is the object's id as clients know it."""
        return self.names[self.key_index]

    def _key_index(self, fields) -> int:
        key = self.entry.key_field
        sources = {key, "pk", self.entry.model._meta.pk.attname} if key == "pk" else {key}
        for index, name in enumerate(self.names):
            if fields[name].source in sources:
                return index
        raise ImproperlyConfigured(f"Synced type {self.entry.type_name!r} does not show its key {key!r}.")

    def rows(self, queryset: QuerySet, viewer: Viewer, context: dict) -> list[tuple[object, list]]:
        """(primary key, row) of each object of `queryset`, in its order."""
        if self._fast is not None:
            pairs = [(record.pop(), record) for record in self._fast.records(queryset, viewer, extra=("pk",))]
        else:
            objects = list(queryset)
            data = self.entry.serializer_class(objects, many=True, context=context).data
            names = self.names
            pairs = [
                (obj.pk, [item[name] for name in names]) for obj, item in zip(objects, data, strict=True)
            ]
            for _, row in pairs:
                for index in self._times:
                    row[index] = whole_seconds(row[index])
        return pairs

    def key(self, row: list) -> str:
        return str(row[self.key_index])
