"""Tasks that exist only for the tests of the worker: slow, failing, countable.

The worker finds a task by its dotted path, so a worker started with the checkout on its
`PYTHONPATH` runs these like any task of the backend.
"""

import time
from datetime import timedelta

from django_tasks import task

from inbox.models import Notification
from jobs.atomic import atomic_job
from jobs.retry import TransientError, retrying


@task(takes_context=True)
@atomic_job
def note_slowly(organization_id: int, text: str, seconds: float) -> str:
    """Write one inbox row, then take `seconds`: a worker can be stopped in between."""
    kind = Notification.Kind.CONTACT_STALE
    Notification.objects.create(organization_id=organization_id, kind=kind, text=text)
    time.sleep(seconds)
    return text


@retrying(max_attempts=4, base=timedelta(seconds=10), cap=timedelta(seconds=60))
@task(takes_context=True)
def flaky(context, failures: int, error: str = "transient") -> int:
    """Fail on the first `failures` attempts (a passing error, or a bug), then succeed."""
    if context.attempt <= failures:
        raise (TransientError if error == "transient" else ValueError)(f"attempt {context.attempt} failed")
    return context.attempt


@task()
def nothing() -> None:
    """A job that does no work: what the queue itself costs per job."""
