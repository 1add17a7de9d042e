"""Background jobs of the queue itself: run by the worker on the schedule of jobs/schedule.py."""

from django.conf import settings
from django.core.management import call_command
from django_tasks import task


@task()
def prune_job_results() -> None:
    """Daily: delete finished jobs older than JOBS_RESULT_RETENTION_DAYS (django_tasks_db's own command)."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=settings.JOBS_RESULT_RETENTION_DAYS,
        verbosity=0,
    )
