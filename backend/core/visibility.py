"""Visibility levels and audiences: the single definition of who may see an object.

Two views of the same rule live here side by side: `visible_q` filters rows in the
database (lists, search, counts, sync snapshots) and `Audience` answers for one object
in Python (the change feed records the audience before and after each change so sync
can tell a viewer that something left their sight). Keep them in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from .viewer import Viewer


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public"
    NETWORK = "network", "Network"
    RESTRICTED = "restricted", "Restricted"


RANK = {Visibility.PUBLIC: 0, Visibility.NETWORK: 1, Visibility.RESTRICTED: 2}


def narrowest(*levels: str) -> str:
    """A child is never more visible than its parent (DESIGN.md rule 1)."""
    return max(levels, key=lambda level: RANK[level])


def level_q(viewer: Viewer, field: str, owner_field: str) -> Q:
    """Rows whose visibility `field` lets `viewer` see them; `owner_field` names the owning org id."""
    if viewer.is_admin:
        return Q()
    allowed = Q(**{field: Visibility.PUBLIC})
    if viewer.in_network:
        allowed |= Q(**{field: Visibility.NETWORK})
    if viewer.member_of:
        allowed |= Q(**{field: Visibility.RESTRICTED, f"{owner_field}__in": viewer.member_of})
    return allowed


def owners_q(viewer: Viewer, owner_field: str) -> Q:
    """Rows only the owning organization(s) and admins may see."""
    if viewer.is_admin:
        return Q(pk__isnull=False)  # an empty Q() would vanish when OR-ed
    return Q(**{f"{owner_field}__in": viewer.member_of})


@dataclass(frozen=True)
class Audience:
    """Who may see one object: everyone, the network, or only members of `owners` (and admins)."""

    level: str
    owners: frozenset[int] = frozenset()

    def admits(self, viewer: Viewer) -> bool:
        if viewer.is_admin or self.level == Visibility.PUBLIC:
            return True
        if self.level == Visibility.NETWORK:
            return viewer.in_network
        return bool(viewer.member_of & self.owners)

    def encode(self) -> str:
        if self.level == Visibility.RESTRICTED:
            return "," + "".join(f"{o}," for o in sorted(self.owners))
        return str(self.level)

    @classmethod
    def decode(cls, raw: str) -> Audience:
        if raw.startswith(","):
            owners = frozenset(int(part) for part in raw.split(",") if part)
            return cls(Visibility.RESTRICTED, owners)
        return cls(raw)

    @classmethod
    def of(cls, level: str, owners) -> Audience:
        if level == Visibility.RESTRICTED:
            return cls(Visibility.RESTRICTED, frozenset(owners))
        return cls(level)


NOBODY_BUT_ADMINS = Audience(Visibility.RESTRICTED, frozenset())


class VisibleQuerySet(models.QuerySet):
    """Base queryset: `visible_to(viewer)` is the only way endpoints read data."""

    def visible_to(self, viewer: Viewer):
        if viewer.is_admin:
            return self.all()
        return self.filter(self.model.visible_q(viewer))
