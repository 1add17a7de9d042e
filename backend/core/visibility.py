"""Who may see what: every model declares its rule once, and everything else is derived from it.

A model states in one `VisibilityRule` class attribute where its own level lives, which
parents cap it (docs/design.md rule 1), which organizations own it, and when only they see
it (rule 2). From that one declaration come:

- `rule.q(viewer)`, the SQL condition behind `Model.objects.visible_to(viewer)`: lists,
  details, search, counts, exports and sync snapshots read through it;
- `rule.audience(obj)`, who may see one object, answered in Python: the change feed
  records it before and after each change, so sync can tell a viewer that something left
  their sight without revealing what they never saw;
- `rule.owner_ids(obj)`, the owning organizations, for the coordinators' audit view.

Two derivations of one rule can still drift apart when this module changes; the law test
(tests/core/test_visibility_law.py) checks, for generated data and every viewer of the
cast, that they agree for every tracked and every searchable type.

An `Audience` is stored in the change feed as text. `Audience.encode`, `Audience.decode`
and `Audience.admits_q` (the test of `Audience.admits`, over that text) are the only
place the encoding is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q

from .viewer import Viewer


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    NETWORK = "network", "Network"
    RESTRICTED = "restricted", "Restricted"


RANK = {Visibility.PUBLIC: 0, Visibility.NETWORK: 1, Visibility.RESTRICTED: 2}

# Separators of the encoded owner lists: ",3,5," for the members of organizations 3 and 5,
# ";3;5;" for their coordinators only. Different separators keep a `contains` match for one
# from ever matching the other.
MEMBERS_SEPARATOR = ","
COORDINATORS_SEPARATOR = ";"


def narrowest(*levels: str) -> str:
    """A child is never more visible than its parent (docs/design.md rule 1)."""
    return max(levels, key=lambda level: RANK[level])


def _join(ids: Iterable[int], separator: str) -> str:
    return separator + "".join(f"{i}{separator}" for i in sorted(ids))


def encode_owners(ids: Iterable[int]) -> str:
    """Organization ids as stored in the feed's `owners` column: ",3,5,", or "" for none."""
    ids = set(ids)
    return _join(ids, MEMBERS_SEPARATOR) if ids else ""


def owned_by_any_q(field_name: str, organization_ids: Iterable[int]) -> Q:
    """Rows whose encoded owner list in `field_name` names any of these organizations."""
    condition = Q(pk__in=[])
    for organization_id in sorted(organization_ids):
        condition |= Q(
            **{f"{field_name}__contains": f"{MEMBERS_SEPARATOR}{organization_id}{MEMBERS_SEPARATOR}"}
        )
    return condition


@dataclass(frozen=True)
class Audience:
    """Who may see one object: everyone, the network, or the members (or only the coordinators)
    of `owners`; admins always."""

    level: str
    owners: frozenset[int] = frozenset()
    coordinators_only: bool = False

    @classmethod
    def of(cls, level: str, owners: Iterable[int] = (), *, coordinators_only: bool = False) -> Audience:
        if level == Visibility.RESTRICTED:
            return cls(Visibility.RESTRICTED, frozenset(owners), coordinators_only)
        return cls(Visibility(level))

    def admits(self, viewer: Viewer) -> bool:
        if viewer.is_admin or self.level == Visibility.PUBLIC:
            return True
        if self.level == Visibility.NETWORK:
            return viewer.in_network
        readers = viewer.coordinator_of if self.coordinators_only else viewer.member_of
        return bool(readers & self.owners)

    def admits_members_of(self, organization_id: int) -> bool:
        """Whether every member of `organization_id` may see the object (they are in the network)."""
        if self.level in (Visibility.PUBLIC, Visibility.NETWORK):
            return True
        return not self.coordinators_only and organization_id in self.owners

    def encode(self) -> str:
        if self.level != Visibility.RESTRICTED:
            return str(self.level)
        separator = COORDINATORS_SEPARATOR if self.coordinators_only else MEMBERS_SEPARATOR
        return _join(self.owners, separator)

    @classmethod
    def decode(cls, raw: str) -> Audience:
        for separator, coordinators_only in ((MEMBERS_SEPARATOR, False), (COORDINATORS_SEPARATOR, True)):
            if raw.startswith(separator):
                owners = frozenset(int(part) for part in raw.split(separator) if part)
                return cls(Visibility.RESTRICTED, owners, coordinators_only)
        return cls(Visibility(raw))

    @staticmethod
    def admits_q(viewer: Viewer, field_name: str) -> Q:
        """Rows whose encoded audience in `field_name` admits `viewer`; "" (no object) admits nobody."""
        if viewer.is_admin:
            return ~Q(**{field_name: ""})
        allowed = Q(**{field_name: Visibility.PUBLIC})
        if viewer.in_network:
            allowed |= Q(**{field_name: Visibility.NETWORK})
        for separator, organization_ids in (
            (MEMBERS_SEPARATOR, viewer.member_of),
            (COORDINATORS_SEPARATOR, viewer.coordinator_of),
        ):
            for organization_id in sorted(organization_ids):
                allowed |= Q(**{f"{field_name}__contains": f"{separator}{organization_id}{separator}"})
        return allowed


NOBODY_BUT_ADMINS = Audience(Visibility.RESTRICTED, frozenset())

# Conditions that always hold and never hold; an empty Q() would vanish when OR-ed.
_ALL = Q(pk__isnull=False)
_NONE = Q(pk__in=[])


@dataclass(frozen=True)
class VisibilityRule:
    """The one declaration of who may see a model's rows, as its `visibility_rule` attribute.

    `level` names the field holding the object's own level, or is a fixed `Visibility`.
    `parents` name foreign keys whose level caps the object's (a null one caps nothing):
    the object is seen at the narrowest of them all. `owners` are paths to the owning
    organization ids ("organization_id", "resource__organization_id"); a restricted level
    means the members of any of them. `hidden_unless` maps fields to the values they must
    hold for the object to be seen beyond its owners ({"status": "active"}). With
    `coordinators_only`, owning means coordinating.

    `within` names a foreign key to the object this one belongs to: it is seen only by
    those who see that object, under that object's rule, and owned by its owners; a
    `level` (None: none) narrows it further (a document version keeps the level it was
    published at). Admins see everything.
    """

    level: str | None = "visibility"
    parents: tuple[str, ...] = ()
    owners: tuple[str, ...] = ("organization_id",)
    hidden_unless: Mapping[str, Any] | None = None
    coordinators_only: bool = False
    within: str | None = None
    model: type[models.Model] | None = field(default=None, init=False, compare=False, repr=False)

    def __set_name__(self, owner: type, name: str) -> None:
        object.__setattr__(self, "model", owner)

    # -- the declaration, resolved -----------------------------------------------------------

    def _related_rule(self, name: str) -> VisibilityRule:
        related = self.model._meta.get_field(name).related_model
        rule = getattr(related, "visibility_rule", None)
        if rule is None:
            raise ImproperlyConfigured(
                f"{self.model.__name__}.visibility_rule: {name} points to {related.__name__}, "
                "which declares no visibility_rule."
            )
        return rule

    def _parent_level_field(self, parent: str) -> str:
        level = self._related_rule(parent).level
        if isinstance(level, Visibility):
            raise ImproperlyConfigured(
                f"{self.model.__name__}.visibility_rule: parent {parent} has a fixed level; "
                "it caps nothing and need not be named."
            )
        return level

    # -- SQL ---------------------------------------------------------------------------------

    def q(self, viewer: Viewer, prefix: str = "") -> Q:
        """The rows of this model (or, with `prefix`, of a model pointing to it) `viewer` may see."""
        if viewer.is_admin:
            return _ALL
        if self.within:
            inner = f"{prefix}{self.within}__"
            container = self._related_rule(self.within)
            seen = container.q(viewer, prefix=inner)
            if self.level is None:
                return seen
            return seen & self._level_q(viewer, self.level, prefix, container._owned_q(viewer, inner))
        owned = self._owned_q(viewer, prefix)
        shown = self._level_q(viewer, self.level, prefix, owned)
        for parent in self.parents:
            capped = self._level_q(viewer, self._parent_level_field(parent), f"{prefix}{parent}__", owned)
            if self.model._meta.get_field(parent).null:
                capped = Q(**{f"{prefix}{parent}__isnull": True}) | capped
            shown &= capped
        if self.hidden_unless is None:
            return shown
        condition = Q(**{f"{prefix}{name}": value for name, value in self.hidden_unless.items()})
        # The owners pass every level check (they are members, so in the network), so
        # "shown, or owned" is the whole rule.
        return (condition & shown) | owned

    def _owned_q(self, viewer: Viewer, prefix: str) -> Q:
        readers = viewer.coordinator_of if self.coordinators_only else viewer.member_of
        if not readers or not self.owners:
            return _NONE
        condition = _NONE
        for path in self.owners:
            condition |= Q(**{f"{prefix}{path}__in": sorted(readers)})
        return condition

    @staticmethod
    def _level_q(viewer: Viewer, level: str, prefix: str, owned: Q) -> Q:
        if isinstance(level, Visibility):
            if level == Visibility.PUBLIC:
                return _ALL
            if level == Visibility.NETWORK:
                return _ALL if viewer.in_network else _NONE
            return owned
        allowed = Q(**{f"{prefix}{level}": Visibility.PUBLIC})
        if viewer.in_network:
            allowed |= Q(**{f"{prefix}{level}": Visibility.NETWORK})
        if viewer.member_of:
            allowed |= Q(**{f"{prefix}{level}": Visibility.RESTRICTED}) & owned
        return allowed

    # -- Python ------------------------------------------------------------------------------

    def owner_ids(self, obj: models.Model) -> set[int]:
        if self.within:
            return self._related_rule(self.within).owner_ids(getattr(obj, self.within))
        ids = (_follow(obj, path) for path in self.owners)
        return {i for i in ids if i is not None}

    def audience(self, obj: models.Model) -> Audience:
        if self.within:
            rule, container = self._related_rule(self.within), getattr(obj, self.within)
            seen = rule.audience(container)
            if self.level is None:
                return seen
            level = narrowest(self._own_level(obj), seen.level)
            # The container's owners, not its audience's: a public audience names none.
            return Audience.of(level, rule.owner_ids(container), coordinators_only=rule.coordinators_only)
        owners = self.owner_ids(obj)
        if self.hidden_unless is not None and any(
            _follow(obj, name) != value for name, value in self.hidden_unless.items()
        ):
            return Audience.of(Visibility.RESTRICTED, owners, coordinators_only=self.coordinators_only)
        levels = [self._own_level(obj)]
        for parent in self.parents:
            related = getattr(obj, parent)
            if related is not None:
                levels.append(getattr(related, self._parent_level_field(parent)))
        return Audience.of(narrowest(*levels), owners, coordinators_only=self.coordinators_only)

    def _own_level(self, obj: models.Model) -> str:
        return self.level if isinstance(self.level, Visibility) else getattr(obj, self.level)


def _follow(obj: models.Model, path: str):
    """The value at a `__`-separated path of attributes, or None where a link is empty."""
    for name in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def rule_of(model: type[models.Model]) -> VisibilityRule:
    rule = getattr(model, "visibility_rule", None)
    if not isinstance(rule, VisibilityRule):
        raise ImproperlyConfigured(f"{model.__name__} declares no visibility_rule.")
    return rule


def audience_of(obj: models.Model) -> Audience:
    """Who may see `obj`, by its model's rule."""
    return rule_of(type(obj)).audience(obj)


def owner_ids_of(obj: models.Model) -> set[int]:
    """The organizations owning `obj`, by its model's rule."""
    return rule_of(type(obj)).owner_ids(obj)


class VisibleQuerySet(models.QuerySet):
    """Base queryset: `visible_to(viewer)` is the only way endpoints read data."""

    def visible_to(self, viewer: Viewer):
        if viewer.is_admin:
            return self.all()
        return self.filter(rule_of(self.model).q(viewer))
