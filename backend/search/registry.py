"""Which types the search endpoint covers: adding one is one `register()` call, in the
`AppConfig.ready()` of the app that owns the model.

An app describes its model once (which text fields to match, with what weight, how to
filter by language and country, how to present a hit) and search does the rest: it keeps
the model's rows in the index (`search.index`) and reads them back. Rows are always read
through `visible_to(viewer)`, so a model must declare a visibility rule;
a registration naming a field the model lacks, or a model without a rule, is refused at
start-up with `ImproperlyConfigured` rather than searched wrongly.

A type without a language or a country is left out when a search filters by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from core.viewer import Viewer
from core.visibility import rule_of


@dataclass(frozen=True)
class Searchable:
    """How one model takes part in search.

    `fields` pairs text fields with a weight (A highest .. D); the first is the title. A
    field may follow a foreign key (`organization__name`): the index then follows that
    row's changes too. `language_field` is a single ISO 639-1 column, `languages_field` a
    code list; `country_field` a django-countries multiple field, `country_code_field`
    a single code. `extra_match(q)` may add rows found another way (a country by name): it
    returns the condition and a rank bonus between 0 and 1, or None.
    """

    type_name: str
    model: type[models.Model]
    fields: tuple[tuple[str, str], ...]
    title_field: str = ""
    title_of: Callable[[models.Model], str] | None = None
    snippet_fields: tuple[str, ...] = ()
    url_name: str = ""
    url_kwarg: str = "pk"
    url_attr: str = "pk"
    language_field: str | None = None
    languages_field: str | None = None
    country_field: str | None = None
    country_code_field: str | None = None
    select_related: tuple[str, ...] = ()
    extra_match: Callable[[str], tuple[Q, float] | None] | None = None

    def check(self) -> None:
        """Refuse a registration that could not be searched as declared."""
        rule_of(self.model)  # rows are read through visible_to(viewer) alone
        if not hasattr(self.model._default_manager.all(), "visible_to"):
            raise ImproperlyConfigured(
                f"Search type {self.type_name!r}: {self.model.__name__} has no visible_to()."
            )
        if not self.fields:
            raise ImproperlyConfigured(f"Search type {self.type_name!r} names no text fields.")
        named = [name for name, _ in self.fields]
        named += [
            self.title_field,
            *self.snippet_fields,
            *self.select_related,
        ]
        named += [self.language_field, self.languages_field, self.country_field, self.country_code_field]
        for name in filter(None, named):
            model = self.model
            for part in name.split("__"):
                try:
                    field = model._meta.get_field(part)
                except FieldDoesNotExist as exc:
                    raise ImproperlyConfigured(
                        f"Search type {self.type_name!r}: {self.model.__name__} has no field {name!r}."
                    ) from exc
                model = field.related_model

    @property
    def title_attr(self) -> str:
        return self.title_field or self.fields[0][0]

    def title(self, obj: models.Model) -> str:
        if self.title_of is not None:
            return self.title_of(obj)
        return str(getattr(obj, self.title_attr) or "")

    def queryset(self, viewer: Viewer) -> models.QuerySet:
        qs = self.model._default_manager.all()
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        return qs.visible_to(viewer)

    def filter_language(self, qs: models.QuerySet, code: str) -> models.QuerySet | None:
        """Rows in language `code`; None when the type has no language (it is left out)."""
        if self.language_field:
            return qs.filter(**{self.language_field: code})
        if self.languages_field:
            return qs.filter(**{f"{self.languages_field}__has": code})
        return None

    def filter_country(self, qs: models.QuerySet, code: str) -> models.QuerySet | None:
        """Rows about country `code`; None when the type has no country (it is left out)."""
        if self.country_field:
            return qs.filter(**{f"{self.country_field}__contains": code})
        if self.country_code_field:
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
        if self.language_field:
            return [getattr(obj, self.language_field)]
        if self.languages_field:
            return list(getattr(obj, self.languages_field) or [])
        return []

    def countries_of(self, obj: models.Model) -> list[str]:
        if self.country_field:
            return [str(getattr(c, "code", c)) for c in getattr(obj, self.country_field) or []]
        if self.country_code_field:
            code = str(getattr(obj, self.country_code_field) or "")
            return [code] if code else []
        return []


_registry: dict[str, Searchable] = {}
_order: list[str] = []


def register(searchable: Searchable) -> Searchable:
    """Add a searchable type, or replace the one registered under its name; refuse a bad one."""
    searchable.check()
    previous = _registry.get(searchable.type_name)
    if previous is not None and previous.model is not searchable.model:
        raise ImproperlyConfigured(
            f"Search type {searchable.type_name!r} is already used by {previous.model.__name__}."
        )
    if previous is None:
        _order.append(searchable.type_name)
    _registry[searchable.type_name] = searchable
    from .index import follow  # the index module reads this registry

    follow(searchable)
    return searchable


def type_names() -> list[str]:
    """Every registered type, in the order the published contract lists them.

    Apps register in INSTALLED_APPS order; SEARCH_TYPE_ORDER keeps the types the contract
    already lists in their place, and any other type follows in registration order.
    """
    listed = [name for name in settings.SEARCH_TYPE_ORDER if name in _registry]
    return listed + [name for name in _order if name not in listed]


def get(type_name: str) -> Searchable | None:
    return _registry.get(type_name)


def of_model(model: type[models.Model]) -> list[Searchable]:
    """The types that index rows of `model`."""
    return [searchable for searchable in _registry.values() if searchable.model is model]


def available(type_names_wanted=None) -> list[Searchable]:
    """The registered types, optionally only those named, in contract order."""
    wanted = set(type_names_wanted or _order)
    return [_registry[name] for name in type_names() if name in wanted]
