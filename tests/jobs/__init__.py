"""Run queued background jobs inside a test, the way `manage.py run_worker` runs them."""

from unittest import mock

from django_tasks.signals import task_started
from django_tasks_db.management.commands import db_worker


def run_jobs(*, limit: int = 1000) -> int:
    """Run every job that is ready now (and those they enqueue), in this process; return how many ran.

    A job that failed and waits for its retry counts as run. The worker closes old connections
    between jobs, which inside a test's transaction would close the test's own connection on
    PostgreSQL (Django's test client likewise keeps requests from doing it): here that step
    is left out.
    """
    started = []

    def count(sender, task_result, **kwargs):
        started.append(task_result.id)

    task_started.connect(count)
    try:
        with mock.patch.object(db_worker, "close_old_connections", lambda: None):
            db_worker.Worker(
                queue_names=["*"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=limit,
                worker_id="test-worker",
                excluded_queue_names=[],
            ).run()
    finally:
        task_started.disconnect(count)
    return len(started)
