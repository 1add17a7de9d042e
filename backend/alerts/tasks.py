"""Background jobs of alerts: run by the worker on the schedule of jobs/schedule.py."""

from django_tasks import task

from .models import Alert


@task()
def purge_expired_alerts() -> int:
    """Every few minutes: delete expired alerts, so they leave every replica on its next sync.

    One by one, so each deletion enters the change feed. Returns how many were deleted.
    """
    expired = list(Alert.objects.expired())
    for alert in expired:
        alert.delete()
    return len(expired)
