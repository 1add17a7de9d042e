"""Pagination: page numbers with a client-chosen size, and keyset cursors for the large lists.

`CappedPageNumberPagination` serves the small lists. `KeysetPagination` serves the lists that
grow with the network (organizations, contact points, documents): a `page=N` request still
answers as before (an exact `count`, `previous`), but every `next` link carries a `cursor`
naming the last row's sort key, so the following page is read from that key on
(`WHERE key > last ORDER BY key LIMIT n`) instead of counting and skipping every row before
it. A deep page then costs what the first one does. A cursor page answers `count: null`:
the total is counted once, on the first page, not again on every page; and only up to
`exact_count_limit` objects (beyond, `count` is null), so that count costs a bounded scan.

DRF's `CursorPagination` positions on the first ordering field alone and takes no ordering
by expression (the relevance order) or through a join (`organization__name`); this one
compares the whole sort key, written out as `(k1 > v1) OR (k1 = v1 AND k2 > v2) ...`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db.models import CharField, DateTimeField, F, IntegerField, Q, QuerySet, TextField
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import NotFound, ParseError, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

# A null sorts last in either direction (a contact never verified, a document never published),
# on both databases: it is compared as the furthest time there is.
EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
LATEST = datetime(9999, 12, 30, tzinfo=UTC)


class CappedPageNumberPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        # DRF quietly cuts a size beyond the cap and ignores a bad one; the contract declares the
        # range, so a size outside it is refused like any other bad input (as search does).
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = int(raw) if raw.isdigit() else 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return size

    def get_schema_operation_parameters(self, view):
        # DRF declares `page_size` as any integer; its range is part of the contract.
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(
                    {"minimum": 1, "maximum": self.max_page_size, "default": self.page_size}
                )
                parameter["description"] = f"Results per page, at most {self.max_page_size}."
        return parameters


class KeysetPagination(CappedPageNumberPagination):
    """Page numbers for the first page (or any `page=N`), keyset cursors after it.

    `paginate_records(queryset, request, read)` answers the requested page's rows as `read`
    makes them; the view answers `keyset_response(results)`. Other
    actions of the same view may still paginate by number alone (`paginate_queryset`).
    """

    cursor_query_param = "cursor"
    # Counting is as dear as reading every matching row: up to this many it is cheap enough.
    exact_count_limit = 10_000

    def paginate_records(self, queryset: QuerySet, request, read: Callable) -> list[list]:
        """The requested page, as `read(page_queryset, extra)` gives it, less the `extra` columns.

        `read` answers one list of values per object of the ordered, sliced queryset it is
        given, ending with the values of the `extra` columns (the sort key, kept for the links).
        """
        self.request = request
        self.page_size_now = size = self.get_page_size(request)
        self.keys = _sort_keys(queryset)
        extra = [key.alias for key in self.keys]
        ordered = queryset.annotate(**{key.alias: key.expression for key in self.keys}).order_by(
            *(key.order() for key in self.keys)
        )
        self.count, self.page_number, self.cursor_backwards = None, None, False
        raw_cursor = request.query_params.get(self.cursor_query_param)
        if raw_cursor:
            values, backwards = self._decode(raw_cursor)
            self.cursor_backwards = backwards
            ordered = ordered.filter(_after(self.keys, values, backwards=backwards))
            records = read((ordered.reverse() if backwards else ordered)[: size + 1], extra)
        else:
            offset = self._numbered_offset(queryset, request)
            records = read(ordered[offset : offset + size + 1], extra)
            if not records and self.page_number > 1:
                raise NotFound(
                    self.invalid_page_message.format(page_number=self.page_number, message="Empty.")
                )
        self.has_more = len(records) > size
        records = records[:size]
        if self.cursor_backwards:
            records.reverse()
        width = len(extra)
        self.found = [tuple(record[-width:]) for record in records]
        return [record[:-width] for record in records]

    def _numbered_offset(self, queryset: QuerySet, request) -> int:
        """Counts the objects (up to the limit) and answers where page `page` starts.

        Numbered pages reach the first `exact_count_limit` objects (an OFFSET costs what it
        skips); past them, and past the last page, is a 404: deeper pages are `next` links.
        """
        raw = request.query_params.get(self.page_query_param) or 1
        limit = self.exact_count_limit
        counted = queryset.order_by()[: limit + 1].count()
        self.count = counted if counted <= limit else None
        last = max(1, math.ceil(min(counted, limit) / self.page_size_now))
        try:
            if raw in self.last_page_strings:
                if self.count is None:
                    raise ValueError(f"More than {limit:,} objects: follow the `next` links.")
                number = last
            else:
                number = int(raw)
            if not 1 <= number <= last:
                raise ValueError("No such page.")
        except (TypeError, ValueError) as exc:
            raise NotFound(self.invalid_page_message.format(page_number=raw, message=str(exc))) from exc
        self.page_number = number
        return (number - 1) * self.page_size_now

    def keyset_response(self, data) -> Response:
        return Response(
            {
                "count": self.count,
                "next": self._next_link(),
                "previous": self._previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"] = {
            "type": "integer",
            "nullable": True,
            "example": 123,
            "description": (
                "How many objects match, counted on a numbered page when there are at most "
                f"{self.exact_count_limit:,}; null beyond (follow `next` to the end) and on a `cursor` page."
            ),
        }
        response["properties"]["next"]["description"] = (
            "The following page: a `cursor` link, as cheap at any depth as the first page."
        )
        return response

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["description"] = (
                    f"A page number, within the first {self.exact_count_limit:,} objects; "
                    "for deeper pages follow `next`."
                )
        return [
            *parameters,
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a `next` or `previous` link; `page` is then ignored.",
                "schema": {"type": "string"},
            },
        ]

    # -- links -----------------------------------------------------------------------------

    def _link(self, row: tuple, *, backwards: bool) -> str:
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(url, self.cursor_query_param, self._encode(row, backwards))

    def _next_link(self) -> str | None:
        # A page read backwards was reached from the rows after it: there is always a next one.
        if not self.found or not (self.has_more or self.cursor_backwards):
            return None
        return self._link(self.found[-1], backwards=False)

    def _previous_link(self) -> str | None:
        if self.page_number is not None:
            if self.page_number == 1:
                return None
            url = self.request.build_absolute_uri()
            if self.page_number == 2:
                return remove_query_param(url, self.page_query_param)
            return replace_query_param(url, self.page_query_param, self.page_number - 1)
        if not self.found or (self.cursor_backwards and not self.has_more):
            return None
        return self._link(self.found[0], backwards=True)

    # -- cursors ---------------------------------------------------------------------------

    def _signature(self) -> str:
        """Ties a cursor to the sort it was made under: another `ordering` makes it invalid."""
        text = "|".join(f"{key.alias}:{key.expression!r}:{key.descending}" for key in self.keys)
        return hashlib.sha256(text.encode()).hexdigest()[:8]

    def _encode(self, values: tuple, backwards: bool) -> str:
        payload = {"k": [_jsonable(v) for v in values], "s": self._signature()}
        if backwards:
            payload["b"] = 1
        raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def _decode(self, text: str) -> tuple[list, bool]:
        invalid = ParseError("Invalid cursor: follow a `next` or `previous` link as given.")
        try:
            payload = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
            raise invalid from exc
        if (
            not isinstance(payload, dict)
            or payload.get("s") != self._signature()
            or not isinstance(payload.get("k"), list)
            or len(payload["k"]) != len(self.keys)
        ):
            raise invalid
        values = [key.parse(value) for key, value in zip(self.keys, payload["k"], strict=True)]
        if any(value is None for value in values):
            raise invalid
        return values, bool(payload.get("b"))


class _Key:
    """One part of the sort key: an expression, its direction, and how its cursor value is read back."""

    def __init__(self, position: int, expression, descending: bool, output_field):
        self.alias = f"_sort{position}"
        self.expression = expression
        self.descending = descending
        self.output_field = output_field

    def order(self) -> OrderBy:
        return F(self.alias).desc() if self.descending else F(self.alias).asc()

    def parse(self, value: Any):
        """The cursor's value for this key, or None when it is not one this key can hold."""
        field = self.output_field
        if isinstance(field, DateTimeField):
            parsed = parse_datetime(value) if isinstance(value, str) else None
            return parsed if parsed is not None and parsed.tzinfo is not None else None
        if isinstance(field, IntegerField):
            return value if isinstance(value, int) and not isinstance(value, bool) else None
        if isinstance(field, CharField | TextField):
            return value if isinstance(value, str) else None
        return None


def _sort_keys(queryset: QuerySet) -> list[_Key]:
    """The queryset's ordering as sort keys, made total with the primary key and null-free."""
    model = queryset.model
    annotations = queryset.query.annotations
    ordering = queryset.query.order_by or (model._meta.ordering if queryset.query.default_ordering else ())
    keys, seen_pk = [], False
    for position, item in enumerate([*ordering, "pk"]):
        if isinstance(item, OrderBy) and isinstance(item.expression, F):
            item = f"{'-' if item.descending else ''}{item.expression.name}"
        if not isinstance(item, str):
            raise TypeError(f"Keyset pagination orders by names of fields or annotations, not {item!r}.")
        descending, name = item.startswith("-"), item.lstrip("-")
        if name in ("pk", model._meta.pk.name):
            if seen_pk:
                continue
            seen_pk, name = True, model._meta.pk.name
        if name in annotations:
            expression, output_field = F(name), annotations[name].output_field
        else:
            output_field = _field_at(model, name)
            expression = F(name)
            if output_field.null:
                expression = Coalesce(F(name), EARLIEST if descending else LATEST, output_field=output_field)
        keys.append(_Key(position, expression, descending, output_field))
    return keys


def _field_at(model, path: str):
    *links, last = path.split("__")
    for link in links:
        model = model._meta.get_field(link).related_model
    field = model._meta.get_field(last)
    return field.target_field if field.is_relation else field


def _after(keys: list[_Key], values: list, *, backwards: bool) -> Q:
    """Rows past `values` in the sort (before them when `backwards`): the keyset condition.

    The leading `k1 >= v1` is implied by the rest; written out, it lets an index on the first
    key start the scan at the cursor.
    """
    condition, equal = Q(pk__in=[]), Q()
    for key, value in zip(keys, values, strict=True):
        later = key.descending == backwards  # ascending forward, or descending backward: greater
        condition |= equal & Q(**{f"{key.alias}__{'gt' if later else 'lt'}": value})
        equal &= Q(**{key.alias: value})
    first = keys[0]
    bound = Q(**{f"{first.alias}__{'gte' if first.descending == backwards else 'lte'}": values[0]})
    return bound & condition


def _jsonable(value: Any):
    if isinstance(value, datetime):
        return value.isoformat()
    return value
