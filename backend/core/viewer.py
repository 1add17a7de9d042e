"""Who is asking: the one object every visibility decision is made from.

Computed once per request from the database (never from token claims), so a removed
membership or a deactivated account changes what the next request sees.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Viewer:
    user_id: int | None = None
    is_admin: bool = False
    member_of: frozenset[int] = field(default_factory=frozenset)
    coordinator_of: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def in_network(self) -> bool:
        """Network-visible data needs an active account with at least one membership."""
        return self.is_admin or bool(self.member_of)

    @cached_property
    def fingerprint(self) -> str:
        """A digest of this viewer's access; when it changes, offline replicas must reset."""
        raw = f"{self.user_id}|{int(self.is_admin)}|{sorted(self.member_of)}|{sorted(self.coordinator_of)}"
        return hashlib.sha256(raw.encode()).hexdigest()[:16]


ANONYMOUS = Viewer()


# (organization id, is coordinator) for each membership of a user: provided by the app that
# owns memberships (accounts, at start-up), so this ground floor imports no domain app.
MembershipsOf = Callable[[object], Iterable[tuple[int, bool]]]
_memberships_of: MembershipsOf | None = None


def provide_memberships(reader: MembershipsOf) -> None:
    """Register how a user's memberships are read (called once, by the accounts app)."""
    global _memberships_of
    _memberships_of = reader


def viewer_for(user) -> Viewer:
    """Build the viewer of a user from current memberships (one query)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    if _memberships_of is None:
        raise ImproperlyConfigured(
            "No app provides memberships: core.viewer.provide_memberships() was never called."
        )
    rows = list(_memberships_of(user))
    return Viewer(
        user_id=user.pk,
        is_admin=user.is_staff,
        member_of=frozenset(org for org, _ in rows),
        coordinator_of=frozenset(org for org, coordinator in rows if coordinator),
    )


def request_viewer(request) -> Viewer:
    """The viewer of a request, cached on it so a request computes it once."""
    cached = getattr(request, "_waypoint_viewer", None)
    if cached is None:
        cached = viewer_for(getattr(request, "user", None))
        request._waypoint_viewer = cached
    return cached
