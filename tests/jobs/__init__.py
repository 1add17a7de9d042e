"""Run queued background jobs inside a test, the way `manage.py run_worker` runs them."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_jobs(*, limit: int = 1000) -> int:
    """Run every job that is ready now (and those they enqueue), in this process; return how many."""
    finished_before = DBTaskResult.objects.finished().count()
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=limit,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()
    return DBTaskResult.objects.finished().count() - finished_before
