"""Jobs of a worker that died (SIGKILL, a lost machine) go back to the queue: at least once.

django_tasks_db marks a job RUNNING when a worker claims it and nothing else ever changes
that if the worker vanishes. So each worker records a heartbeat (`beat`), and any worker
puts a RUNNING job whose worker has been silent for `JOBS_LEASE_SECONDS` back to READY
(`recover_abandoned`). A job may therefore run again after its effects were written:
jobs must be idempotent, or commit their effects with their completion (jobs/atomic.py).
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger("waypoint.jobs")


def beat(worker_id: str) -> None:
    """Record that `worker_id` is alive now."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": now}, create_defaults={"started_at": now, "seen_at": now}
    )


def forget(worker_id: str) -> None:
    """A worker that stops cleanly leaves no heartbeat behind."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def recover_abandoned(*, lease: timedelta | None = None) -> list[str]:
    """Put RUNNING jobs of workers silent for longer than `lease` back to READY; their ids."""
    lease = lease or timedelta(seconds=settings.JOBS_LEASE_SECONDS)
    fresh = WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - lease)
    alive = set(fresh.values_list("worker_id", flat=True))
    recovered = _requeue(lambda worker_id: worker_id not in alive)
    if recovered:
        logger.warning("Put %d job(s) of silent workers back in the queue: %s", len(recovered), recovered)
    WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - lease).delete()
    return recovered


def release(worker_id: str) -> list[str]:
    """Put back the jobs `worker_id` claimed, when it knows it runs none of them.

    After the database failed in the middle of a job, the worker could not record the job's
    end, and its heartbeat keeps other workers from taking the job over.
    """
    released = _requeue(lambda claimed_by: claimed_by == worker_id)
    if released:
        logger.warning("Put back %d unfinished job(s) of %s: %s", len(released), worker_id, released)
    return released


def _requeue(claimed_by: Callable[[str | None], bool]) -> list[str]:
    """READY again: the RUNNING jobs whose last claim (the worker running them) passes the test."""
    requeued = []
    for job in DBTaskResult.objects.running().only("id", "worker_ids"):
        if not claimed_by(job.worker_ids[-1] if job.worker_ids else None):
            continue
        # Only if nobody finished or claimed it again since it was read.
        if DBTaskResult.objects.filter(
            pk=job.pk, status=TaskResultStatus.RUNNING, worker_ids=job.worker_ids
        ).update(status=TaskResultStatus.READY):
            requeued.append(str(job.pk))
    return requeued
