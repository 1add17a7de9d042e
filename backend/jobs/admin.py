"""The schedule's last runs and the live workers, read-only beside django_tasks_db's job list."""

from django.contrib import admin

from .models import PeriodicRun, WorkerHeartbeat


class ReadOnlyAdmin(admin.ModelAdmin):
    """Workers write these rows; the admin only looks."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin):
    list_display = ["task", "last_slot", "last_enqueued_at"]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(ReadOnlyAdmin):
    list_display = ["worker_id", "started_at", "seen_at"]
    ordering = ["-seen_at"]
