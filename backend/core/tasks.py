"""Background jobs of core: run by the worker on the schedule of jobs/schedule.py."""

from django_tasks import task

from .idempotency import purge_expired


@task()
def purge_idempotency_keys() -> int:
    """Daily: what `manage.py purge_idempotency_keys` does; how many keys were forgotten."""
    return purge_expired()
