"""Queue many jobs of one task in one statement, for writes that make a job per row.

Written here because the Tasks API enqueues one job at a time (`Task.enqueue`, one INSERT
each in `django_tasks_db`) and offers no bulk form: drawing up the webhooks of an
organization whose 1,000 contacts changed would otherwise write 1,000 statements. On the
database backend the rows are made as its `enqueue` and its `pre_save` handler make them
(same columns, ids and far-future `run_after` for "now"), in one `bulk_create`, and
`task_enqueued` is sent for each, as `enqueue` does; on any other backend each job is
enqueued as usual.
"""

from collections.abc import Iterable

from django_tasks.base import Task
from django_tasks.signals import task_enqueued
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import normalize_json
from django_tasks_db.models import DBTaskResult, get_date_max

BATCH = 1000


def enqueue_each(task: Task, calls: Iterable[tuple]) -> None:
    """Enqueue `task` once per tuple of positional arguments in `calls`, in order."""
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        for args in calls:
            task.enqueue(*args)
        return
    backend.validate_task(task)
    rows = DBTaskResult.objects.bulk_create(
        [
            DBTaskResult(
                **({"id": backend.id_function()} if backend.id_function else {}),
                args_kwargs=normalize_json({"args": args, "kwargs": {}}),
                priority=task.priority,
                task_path=task.module_path,
                queue_name=task.queue_name,
                run_after=task.run_after or get_date_max(),  # what its pre_save handler sets
                backend_name=backend.alias,
            )
            for args in calls
        ],
        batch_size=BATCH,
    )
    for row in rows:
        task_enqueued.send(type(backend), task_result=row.task_result)
