"""Role-based writes, declared by views and decided by the rules of `core.rules`.

Reads are not decided here: they are scoped by `visible_to()` so invisible objects 404.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from . import rules
from .viewer import request_viewer


class RoleWritePermission(BasePermission):
    """Safe methods pass (visibility scopes them); writes need a role over the owning organization.

    Views declare `write_roles`: "admin" (network office only) or "coordinator"
    (coordinators of the object's organization, and admins); `admin_actions` lists actions
    reserved to admins even where coordinators write (creating an organization, say), and
    `owner_id_of(obj)` which organization an object is written for. The rules themselves are
    `core.rules`; they are asked here, before the payload is read, so a refused write is a
    403 whatever it sends. Creation checks the organization in the payload (see
    `OwnedByOrganizationMixin`).
    """

    message = rules.REFUSED

    @staticmethod
    def role(view) -> rules.Role:
        """The role the view's current action needs."""
        if getattr(view, "action", None) in getattr(view, "admin_actions", ()):
            return "admin"
        return getattr(view, "write_roles", "admin")

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        viewer = request_viewer(request)
        if not viewer.is_authenticated:
            return False
        allowed = rules.may_write_any(viewer, role=self.role(view))
        if not allowed and _targets_one_object(view):
            # Look the object up first: one the viewer may not see must answer 404, exactly
            # like one that does not exist (docs/design.md, rule 3), never a telling 403.
            view.get_object()
        return allowed

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        viewer = request_viewer(request)
        role = self.role(view)
        owner_id = view.owner_id_of(obj) if role == "coordinator" else None
        return rules.may_write(viewer, owner_id, role=role)


def _targets_one_object(view) -> bool:
    lookup = getattr(view, "lookup_url_kwarg", None) or getattr(view, "lookup_field", None)
    return bool(lookup) and lookup in getattr(view, "kwargs", {}) and hasattr(view, "get_object")


class IsAdmin(BasePermission):
    """Network office staff only, for reads as well as writes."""

    def has_permission(self, request, view) -> bool:
        return request_viewer(request).is_admin
