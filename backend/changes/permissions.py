"""Who may read the audit log."""

from rest_framework.permissions import BasePermission

from core.viewer import request_viewer


class CanReadAuditLog(BasePermission):
    """The network office reads everything; coordinators read their own organizations' entries."""

    message = "The audit log is open to coordinators and the network office."

    def has_permission(self, request, view) -> bool:
        viewer = request_viewer(request)
        return viewer.is_admin or bool(viewer.coordinator_of)
