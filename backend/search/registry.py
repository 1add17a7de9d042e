"""Which types the search endpoint covers: adding one is one `register()` call.

An app describes its model once (which text fields to match, with what weight, how to
filter by language and country, how to present a hit) and search does the rest. Rows
are always read through `visible_to(viewer)`: a model without that method is never
searched, whatever its registration says.

A type without a language or a country is left out when a search filters by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from core.viewer import Viewer


@dataclass(frozen=True)
class Searchable:
    """How one model takes part in search.

    `fields` pairs text fields with a weight (A highest .. D); the first is the title.
    `vector_field` names a stored, indexed tsvector column to use on PostgreSQL instead
    of computing one per row; `config_field` the column holding each row's text-search
    configuration. `language_field` is a single ISO 639-1 column, `languages_field` a
    code list; `country_field` a django-countries multiple field, `country_code_field`
    a single code. `extra_match(q)` may add rows found another way (a country by name): it
    returns the condition and a rank bonus between 0 and 1, or None.
    """

    type_name: str
    model_label: str
    fields: tuple[tuple[str, str], ...]
    title_field: str = ""
    title_of: Callable[[models.Model], str] | None = None
    snippet_fields: tuple[str, ...] = ()
    url_name: str = ""
    url_kwarg: str = "pk"
    url_attr: str = "pk"
    vector_field: str | None = None
    config_field: str | None = None
    language_field: str | None = None
    languages_field: str | None = None
    country_field: str | None = None
    country_code_field: str | None = None
    select_related: tuple[str, ...] = ()
    extra_match: Callable[[str], tuple[Q, float] | None] | None = None

    @cached_property
    def model(self) -> type[models.Model] | None:
        try:
            model = apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None
        if not hasattr(model._default_manager.all(), "visible_to") or not hasattr(model, "visible_q"):
            return None
        return model

    def _has(self, name: str | None) -> bool:
        if not name or self.model is None:
            return False
        try:
            self.model._meta.get_field(name.split("__")[0])
        except FieldDoesNotExist:
            return False
        return True

    @cached_property
    def text_fields(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, weight) for name, weight in self.fields if self._has(name))

    @property
    def available(self) -> bool:
        return self.model is not None and bool(self.text_fields)

    @cached_property
    def title_attr(self) -> str:
        return self.title_field if self._has(self.title_field) else self.text_fields[0][0]

    def title(self, obj: models.Model) -> str:
        if self.title_of is not None:
            return self.title_of(obj)
        return str(getattr(obj, self.title_attr) or "")

    @cached_property
    def snippet_attrs(self) -> tuple[str, ...]:
        return tuple(name for name in self.snippet_fields if self._has(name))

    def queryset(self, viewer: Viewer) -> models.QuerySet:
        qs = self.model._default_manager.all()
        related = [name for name in self.select_related if self._has(name)]
        if related:
            qs = qs.select_related(*related)
        return qs.visible_to(viewer)

    def filter_language(self, qs: models.QuerySet, code: str) -> models.QuerySet | None:
        """Rows in language `code`; None when the type has no language (it is left out)."""
        if self._has(self.language_field):
            return qs.filter(**{self.language_field: code})
        if self._has(self.languages_field):
            return qs.filter(**{f"{self.languages_field}__has": code})
        return None

    def filter_country(self, qs: models.QuerySet, code: str) -> models.QuerySet | None:
        """Rows about country `code`; None when the type has no country (it is left out)."""
        if self._has(self.country_field):
            return qs.filter(**{f"{self.country_field}__contains": code})
        if self._has(self.country_code_field):
            return qs.filter(**{self.country_code_field: code})
        return None

    def url(self, obj: models.Model) -> str | None:
        if not self.url_name:
            return None
        try:
            return reverse(self.url_name, kwargs={self.url_kwarg: str(getattr(obj, self.url_attr))})
        except NoReverseMatch:
            return None

    def languages_of(self, obj: models.Model) -> list[str]:
        if self._has(self.language_field):
            return [getattr(obj, self.language_field)]
        if self._has(self.languages_field):
            return list(getattr(obj, self.languages_field) or [])
        return []

    def countries_of(self, obj: models.Model) -> list[str]:
        if self._has(self.country_field):
            return [str(getattr(c, "code", c)) for c in getattr(obj, self.country_field) or []]
        if self._has(self.country_code_field):
            code = str(getattr(obj, self.country_code_field) or "")
            return [code] if code else []
        return []


_registry: dict[str, Searchable] = {}
_order: list[str] = []


def register(searchable: Searchable) -> Searchable:
    """Add a searchable type, or replace the one registered under its name."""
    if searchable.type_name not in _registry:
        _order.append(searchable.type_name)
    _registry[searchable.type_name] = searchable
    return searchable


def type_names() -> list[str]:
    """Every registered type, in registration order (stable for the API schema)."""
    return list(_order)


def get(type_name: str) -> Searchable | None:
    return _registry.get(type_name)


def available(type_names_wanted=None) -> list[Searchable]:
    """The registered types whose models exist, optionally only those named."""
    wanted = set(type_names_wanted or _order)
    return [_registry[name] for name in _order if name in wanted and _registry[name].available]
