"""Role-based writes: members read, coordinators write their organizations' objects, admins all.

Reads are not decided here: they are scoped by `visible_to()` so invisible objects 404.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from .viewer import request_viewer


class RoleWritePermission(BasePermission):
    """Safe methods pass (visibility scopes them); writes need a role over the owning organization.

    Views declare `write_roles`: "admin" (network office only) or "coordinator"
    (coordinators of the object's organization, and admins). Object-level checks use
    `owner_id_of(obj)`; `admin_actions` lists actions reserved to admins even where
    coordinators write (creating an organization, say); creation checks use the organization
    in the validated payload (see `OwnedByOrganizationMixin`).
    """

    message = "You may not change this."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        viewer = request_viewer(request)
        if not viewer.is_authenticated:
            return False
        if getattr(view, "write_roles", "admin") == "admin" or getattr(view, "action", None) in getattr(
            view, "admin_actions", ()
        ):
            allowed = viewer.is_admin
        else:
            allowed = viewer.is_admin or bool(viewer.coordinator_of)
        if not allowed and _targets_one_object(view):
            # Look the object up first: one the viewer may not see must answer 404, exactly
            # like one that does not exist (docs/design.md, rule 3), never a telling 403.
            view.get_object()
        return allowed

    def has_object_permission(self, request, view, obj) -> bool:
        if request.method in SAFE_METHODS:
            return True
        viewer = request_viewer(request)
        if getattr(view, "write_roles", "admin") == "admin":
            return viewer.is_admin
        return viewer.can_write_for(view.owner_id_of(obj))


def _targets_one_object(view) -> bool:
    lookup = getattr(view, "lookup_url_kwarg", None) or getattr(view, "lookup_field", None)
    return bool(lookup) and lookup in getattr(view, "kwargs", {}) and hasattr(view, "get_object")


class IsAdmin(BasePermission):
    """Network office staff only, for reads as well as writes."""

    def has_permission(self, request, view) -> bool:
        return request_viewer(request).is_admin
