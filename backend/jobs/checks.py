"""Refuse to start with a lease that a healthy worker could outlive between two heartbeats."""

from django.conf import settings
from django.core import checks


@checks.register()
def lease_outlasts_heartbeats(**kwargs) -> list[checks.CheckMessage]:
    heartbeat, lease = settings.JOBS_HEARTBEAT_SECONDS, settings.JOBS_LEASE_SECONDS
    if heartbeat < 1 or lease < 2 * heartbeat:
        return [
            checks.Error(
                f"JOBS_LEASE_SECONDS ({lease}) must be at least twice JOBS_HEARTBEAT_SECONDS ({heartbeat}), "
                "which must be 1 or more: otherwise the job of a busy worker would run again elsewhere.",
                id="jobs.E001",
            )
        ]
    return []
