"""Background jobs of the change feed: run by the worker on the schedule of jobs/schedule.py."""

from django.conf import settings
from django_tasks import task

from .feed import prune


@task()
def prune_changes() -> dict:
    """Daily: what `manage.py prune_changes` does with CHANGE_RETENTION_DAYS."""
    result = prune(settings.CHANGE_RETENTION_DAYS)
    return {"deleted": result.deleted, "pruned_through": result.pruned_through}
