"""Which models feed the change feed, and how: adding a synced type is one `track()` call.

Each entry names the type as clients see it, which fields the audit records, which
dependent objects change with it (a contact point follows its organization's visibility
and shows its name), and, for synced types, how sync reads and represents it:

    track(ContactPoint, "contact_point")                       # conventions below
    track(Country, "country", key="code")                      # clients know it by code
    track(ContactPoint, "contact_point", sync_exclude=("organization_name",))  # replicas resolve it
    track(Guide, "guide", serializer="documents.serializers.GuideSerializer",
          queryset=lambda: Guide.objects.select_related("organization").prefetch_related("topics"))

Who may see an object, and which organizations own it, come from the model's own
`visibility_rule` (core.visibility); a type without one cannot be tracked. The same rule
names the parents an object's audience follows: a tracked object whose rule names a
parent is recorded again whenever that parent changes, so no app declares it twice.

Conventions: the key is the primary key; the serializer is `<app>.serializers.<Model>Serializer`
(the one the list endpoint uses, so a replica equals the list); sync reads
`<Model>.objects.visible_to(viewer)` with every foreign key joined.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.module_loading import import_string

from core.visibility import NOBODY_BUT_ADMINS, Audience, rule_of

ALWAYS_EXCLUDED = {"version", "created_at", "updated_at", "password", "last_login"}


@dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    type_name: str
    synced: bool
    key: Callable[[models.Model], str]
    audience: Callable[[models.Model], Audience]
    owners: Callable[[models.Model], Iterable[int]]
    # dependents(obj, changed): objects to record again when `obj` changed the fields `changed` (None: any)
    dependents: Callable[..., Iterable[models.Model]] = lambda obj, changed=None: ()
    exclude: frozenset[str] = field(default_factory=frozenset)
    key_field: str = "pk"
    serializer: str | type | None = None
    queryset: Callable[[], models.QuerySet] | None = None
    sync_exclude: frozenset[str] = field(default_factory=frozenset)

    def audited_fields(self) -> list[models.Field]:
        skip = ALWAYS_EXCLUDED | self.exclude
        return [f for f in self.model._meta.concrete_fields if f.attname not in skip]

    # -- sync ------------------------------------------------------------------------------

    @cached_property
    def serializer_class(self) -> type:
        """The serializer whose output a replica holds: the registered one, or the convention."""
        target = (
            self.serializer or f"{self.model._meta.app_label}.serializers.{self.model.__name__}Serializer"
        )
        if isinstance(target, str):
            try:
                return import_string(target)
            except ImportError as exc:
                raise ImproperlyConfigured(
                    f"Synced type {self.type_name!r}: cannot import serializer {target!r}; "
                    "pass serializer= to track()."
                ) from exc
        return target

    @cached_property
    def synced_fields(self) -> list[str]:
        """The representation's fields a replica receives: the serializer's readable ones less
        `sync_exclude` (values a replica finds in another synced object, like a parent's name)."""
        return [
            name
            for name, serializer_field in self.serializer_class().fields.items()
            if not serializer_field.write_only and name not in self.sync_exclude
        ]

    @cached_property
    def _paths(self) -> tuple[str, ...]:
        """Every attribute path this type's synced representation and visibility rule read."""
        fields = self.serializer_class().fields
        shown = [fields[name].source.replace(".", "__") for name in self.synced_fields]
        rule = getattr(self.model, "visibility_rule", None)
        ruled = [*rule.owners, *(rule.hidden_unless or {})] if rule is not None else []
        return tuple(shown + ruled)

    def reads_through(self, link: str) -> frozenset[str]:
        """The fields of the object behind foreign key `link` that this type shows or is ruled by
        (`{"name"}` for an event showing its organization's name)."""
        prefix = f"{link}__"
        return frozenset(
            path[len(prefix) :].split("__")[0] for path in self._paths if path.startswith(prefix)
        )

    def base_queryset(self) -> models.QuerySet:
        if self.queryset is not None:
            return self.queryset()
        joins = [f.name for f in self.model._meta.concrete_fields if f.many_to_one]
        return self.model._default_manager.select_related(*joins)

    def visible_to(self, viewer) -> models.QuerySet:
        """What `viewer` may see of this type, through the model's own visibility rule."""
        return self.base_queryset().visible_to(viewer)

    def lookup(self, keys: Iterable[str]) -> dict:
        """Filter kwargs selecting the objects with these client-facing keys."""
        return {f"{self.key_field}__in": list(keys)}


_by_model: dict[type[models.Model], Tracked] = {}
_by_type: dict[str, Tracked] = {}


def track(
    model: type[models.Model],
    type_name: str,
    *,
    synced: bool = True,
    key: Callable[[models.Model], str] | str = "pk",
    key_field: str | None = None,
    audience: Callable[[models.Model], Audience] | None = None,
    owners: Callable[[models.Model], Iterable[int]] | None = None,
    dependents: Callable[[models.Model], Iterable[models.Model]] | None = None,
    exclude: Iterable[str] = (),
    serializer: str | type | None = None,
    queryset: Callable[[], models.QuerySet] | None = None,
    sync_exclude: Iterable[str] = (),
) -> Tracked:
    """Register `model`; its audience and owners are derived from its `visibility_rule`.

    `audience` and `owners` replace that derivation for a model with no rule of its own (the
    user accounts, which only the network office reads).

    `key` is the field clients know the object by ("pk", or e.g. "code"), or a callable
    together with `key_field`, the field it reads. The tracked objects whose rule names
    `model` as a parent are recorded again whenever an object of it changes; `dependents(obj)`
    may return more objects whose representation follows `obj`. For synced types, `serializer`
    (class or dotted path) and `queryset` (a callable returning the base queryset, joins
    included) override the conventions; `sync_exclude` names representation fields replicas do
    not receive because they hold them elsewhere (a parent's name: they hold the parent).
    """
    if isinstance(key, str):
        key = key_reader(key)
    if key_field is None:
        key_field = getattr(key, "key_field", None)
    if key_field is None:
        if synced:
            raise ImproperlyConfigured(
                f"track({model.__name__}, {type_name!r}): a synced type with a key callable needs "
                "key_field= (or pass the field name as key=)."
            )
        key_field = "pk"
    if audience is None or owners is None:
        rule_of(model)  # refuse a model without a rule now, not at its first save
        # Read the rule at each call, so the feed always uses the model's current declaration.
        audience = audience or (lambda obj: rule_of(type(obj)).audience(obj))
        owners = owners or (lambda obj: rule_of(type(obj)).owner_ids(obj))
    entry = Tracked(
        model=model,
        type_name=type_name,
        synced=synced,
        key=key,
        audience=audience,
        owners=owners,
        dependents=lambda obj, changed=None: [
            *followers(obj, changed),
            *(dependents(obj) if dependents else ()),
        ],
        exclude=frozenset(exclude),
        key_field=key_field,
        serializer=serializer,
        queryset=queryset,
        sync_exclude=frozenset(sync_exclude),
    )
    return _register(entry)


def _register(entry: Tracked) -> Tracked:
    previous = _by_type.get(entry.type_name)
    if previous is not None and previous.model is not entry.model:
        raise ImproperlyConfigured(
            f"Type name {entry.type_name!r} is already used by {previous.model.__name__}."
        )
    stale = _by_model.get(entry.model)
    if stale is not None and stale.type_name != entry.type_name:
        _by_type.pop(stale.type_name, None)
    _by_model[entry.model] = entry
    _by_type[entry.type_name] = entry
    _schema_digest.cache_clear()

    from .signals import connect  # here, not above: the recorders look entries up in this module

    connect(entry.model)
    return entry


def key_reader(field_name: str) -> Callable[[models.Model], str]:
    """The key callable reading `field_name`; it remembers the field, so re-registering an entry
    with `key=entry.key` keeps it."""

    def key(obj) -> str:
        return str(getattr(obj, field_name))

    key.key_field = field_name
    return key


def followers(obj: models.Model, changed: Iterable[str] | None = None) -> list[models.Model]:
    """The tracked objects whose visibility rule names `obj` as a parent (rule 1), in
    registration order: their audience follows it, and they may show some of its fields.

    With `changed` (attribute names of `obj` that changed; None: anything), only those of
    types that read one of them: the parent's level, or a field their representation shows.
    An organization's new description so touches none of its contact points.
    """
    concrete = obj._meta.concrete_model
    changed = None if changed is None else frozenset(changed)
    found: list[models.Model] = []
    for entry in _by_type.values():
        rule = getattr(entry.model, "visibility_rule", None)
        for parent in rule.parents if rule is not None else ():
            related = entry.model._meta.get_field(parent).related_model
            if related._meta.concrete_model is not concrete:
                continue
            if changed is not None and not changed & (entry.reads_through(parent) | {rule_of(related).level}):
                continue
            found.extend(entry.model._default_manager.filter(**{parent: obj}))
    return found


def entry_for(model: type[models.Model]) -> Tracked | None:
    """The entry of `model`, or None for a model the feed does not track."""
    return _by_model.get(model)


def entry_for_type(type_name: str) -> Tracked | None:
    """The entry registered under `type_name`, or None."""
    return _by_type.get(type_name)


def synced_entries() -> list[Tracked]:
    """Synced types in registration order (apps in INSTALLED_APPS order: parents first)."""
    return [entry for entry in _by_type.values() if entry.synced]


def type_choices() -> list[tuple[str, str]]:
    return [(entry.type_name, entry.type_name) for entry in _by_type.values()]


def synced_type_choices() -> list[tuple[str, str]]:
    return [(entry.type_name, entry.type_name) for entry in synced_entries()]


def schema_digest() -> str:
    """Changes when a synced type or a field of its representation is added or removed.

    Sync cursors carry it: a replica built for another set of types or fields is reset.
    """
    return _schema_digest()


@lru_cache(maxsize=1)
def _schema_digest() -> str:
    shape = [[entry.type_name, entry.key_field, sorted(entry.synced_fields)] for entry in synced_entries()]
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:12]


def admins_only(obj: models.Model) -> Audience:
    return NOBODY_BUT_ADMINS
