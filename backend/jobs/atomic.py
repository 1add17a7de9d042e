"""Exactly-once effects for jobs that write only to the database.

A job can run twice: its worker may die after the job's effects were committed but before
the job was marked finished, and another worker then runs it again (jobs/recovery.py). A
job whose effects are all in this database avoids that by committing them together with its
completion:

    @task(takes_context=True)
    @atomic_job
    def fill_inbox(organization_id: int) -> int: ...

The body runs in one transaction that first locks the job's own row and ends by marking it
SUCCESSFUL. If the worker dies before the commit, neither the effects nor the mark exist and
the job runs again; after the commit, the job is finished and is never recovered. A second
run that gets the row after the first committed finds it finished and does nothing.
"""

import inspect
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import transaction
from django_tasks import TaskContext, TaskResultStatus
from django_tasks_db.models import DBTaskResult


def atomic_job(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run `func` and record the job's success in one transaction; under `@task(takes_context=True)`."""

    @wraps(func)
    def run(context: TaskContext, *args, **kwargs):
        with transaction.atomic():
            job = DBTaskResult.objects.select_for_update().get(pk=context.task_result.id)
            if job.status == TaskResultStatus.SUCCESSFUL:
                return job.return_value
            value = func(*args, **kwargs)
            job.set_successful(value)
        return value

    # django_tasks reads the signature to check that `context` comes first.
    run.__signature__ = inspect.Signature(
        [
            inspect.Parameter("context", inspect.Parameter.POSITIONAL_OR_KEYWORD),
            *inspect.signature(func).parameters.values(),
        ]
    )
    return run
