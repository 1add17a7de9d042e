"""Which models feed the change feed, and how: adding a synced type is one `track()` call.

Each entry names the type as clients see it, which fields the audit records, how the
object's audience is computed, and which dependent objects change audience with it
(a contact point follows its organization's visibility).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models

from core.visibility import NOBODY_BUT_ADMINS, Audience

ALWAYS_EXCLUDED = {"version", "created_at", "updated_at", "password", "last_login"}


@dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    type_name: str
    synced: bool
    key: Callable[[models.Model], str]
    audience: Callable[[models.Model], Audience]
    owners: Callable[[models.Model], Iterable[int]]
    dependents: Callable[[models.Model], Iterable[models.Model]] = lambda obj: ()
    exclude: frozenset[str] = field(default_factory=frozenset)

    def audited_fields(self) -> list[models.Field]:
        skip = ALWAYS_EXCLUDED | self.exclude
        return [f for f in self.model._meta.concrete_fields if f.attname not in skip]


_by_model: dict[type[models.Model], Tracked] = {}
_by_type: dict[str, Tracked] = {}


def track(
    model: type[models.Model],
    type_name: str,
    *,
    synced: bool = True,
    key: Callable[[models.Model], str] = lambda obj: str(obj.pk),
    audience: Callable[[models.Model], Audience] | None = None,
    owners: Callable[[models.Model], Iterable[int]] | None = None,
    dependents: Callable[[models.Model], Iterable[models.Model]] | None = None,
    exclude: Iterable[str] = (),
) -> Tracked:
    """Register `model`; by default its own `audience()` and `owner_ids()` methods are used."""
    entry = Tracked(
        model=model,
        type_name=type_name,
        synced=synced,
        key=key,
        audience=audience or (lambda obj: obj.audience()),
        owners=owners or (lambda obj: obj.owner_ids()),
        dependents=dependents or (lambda obj: ()),
        exclude=frozenset(exclude),
    )
    _by_model[model] = entry
    _by_type[type_name] = entry
    return entry


def entry_for(model: type[models.Model]) -> Tracked | None:
    return _by_model.get(model)


def entry_for_type(type_name: str) -> Tracked | None:
    return _by_type.get(type_name)


def synced_entries() -> list[Tracked]:
    return [entry for entry in _by_type.values() if entry.synced]


def all_entries() -> list[Tracked]:
    return list(_by_type.values())


def admins_only(obj: models.Model) -> Audience:
    return NOBODY_BUT_ADMINS
