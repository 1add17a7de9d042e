"""Background jobs of accounts: run by the worker on the schedule of jobs/schedule.py."""

from django.conf import settings
from django_tasks import task

from .services import sessions_prune


@task()
def prune_sessions() -> dict:
    """Daily: what `manage.py prune_sessions` does with the configured retention."""
    sessions, tokens = sessions_prune(days=settings.JWT_SESSION_RETENTION_DAYS)
    return {"sessions": sessions, "tokens": tokens}
