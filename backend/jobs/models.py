"""What the workers share besides the queue itself: the periodic slots and who is alive.

The queue is django_tasks_db's `DBTaskResult` table; these two tables let several worker
processes run one schedule without a cron and take over the jobs of a worker that died.
"""

from django.db import models


class PeriodicRun(models.Model):
    """The latest slot of one periodic job that a worker enqueued (jobs/scheduler.py).

    Workers race for a slot with one conditional UPDATE of this row; the winner enqueues the
    job in the same transaction, so a slot is enqueued once however many workers run.
    """

    task = models.CharField(max_length=200, unique=True, help_text="Dotted path of the task.")
    last_slot = models.DateTimeField(null=True, help_text="Start of the latest slot enqueued.")
    last_enqueued_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.task


class WorkerHeartbeat(models.Model):
    """A worker process that says it is alive; a silent one's running jobs go back to the queue."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.worker_id
