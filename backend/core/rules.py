"""Who may write what: the role rules of every domain, written once.

Members read; coordinators write their organizations' objects; the network office (admins)
writes everything, and alone does what a view or a field reserves to it. Each rule is a
function of the viewer that raises a domain error of `core.errors` (`NotAllowed` for a
refusal of the whole request, `Invalid` for a refused field), so services and the
declarations that call them early (the permission class, the serializer mixins) answer
alike. Who may SEE an object is not decided here: that is the visibility rule of
`core.visibility`, and an object the viewer may not see is a 404 before any of these apply.
"""

from collections.abc import Iterable, Mapping
from typing import Any, Literal

# The module, not its names: core.errors loads DRF's settings, which load the permission class
# that imports this module, so the names may not exist yet when this is first imported.
from . import errors
from .viewer import Viewer

# "admin": the network office only; "coordinator": coordinators of the owning organization, and admins.
Role = Literal["admin", "coordinator"]

REFUSED = "You may not change this."


def may_write(viewer: Viewer, organization_id: int | None, *, role: Role = "coordinator") -> bool:
    """Whether `viewer` may write an object of `organization_id` where `role` is needed."""
    if role == "admin" or viewer.is_admin:
        return viewer.is_admin
    return organization_id is not None and organization_id in viewer.coordinator_of


def may_write_any(viewer: Viewer, *, role: Role = "coordinator") -> bool:
    """Whether `viewer` may write anything where `role` is needed, before the object is known."""
    if role == "admin":
        return viewer.is_admin
    return viewer.is_admin or bool(viewer.coordinator_of)


def check_may_write(viewer: Viewer, organization_id: int | None, *, role: Role = "coordinator") -> None:
    if not may_write(viewer, organization_id, role=role):
        raise errors.NotAllowed(REFUSED)


def check_owner(viewer: Viewer, *, organization_id: int, current_id: int | None = None) -> None:
    """The organization a write gives an object: one the viewer coordinates; moving it, admins only.

    `current_id` is the object's organization before the write (None on creation).
    """
    if not may_write(viewer, organization_id):
        raise errors.Invalid("You are not a coordinator of this organization.", field="organization")
    if current_id is not None and current_id != organization_id and not viewer.is_admin:
        raise errors.Invalid(
            "Only the network office can move an object to another organization.", field="organization"
        )


def check_admin_only_fields(
    viewer: Viewer, *, names: Iterable[str], values: Mapping[str, Any], instance: Any = None
) -> None:
    """Refuse a change to a field only the network office may set; sending its current value is no change."""
    if viewer.is_admin:
        return
    refused = [
        name
        for name in names
        if name in values and (instance is None or getattr(instance, name) != values[name])
    ]
    if refused:
        raise errors.Invalid.on_fields(dict.fromkeys(refused, "Only the network office can set this."))
