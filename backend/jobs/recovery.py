"""Jobs of a worker that died (SIGKILL, a lost machine) go back to the queue: at least once.

django_tasks_db marks a job RUNNING when a worker claims it and nothing else ever changes
that if the worker vanishes. So each worker records a heartbeat (`beat`), and any worker
puts a RUNNING job whose worker has been silent for `JOBS_LEASE_SECONDS` back to READY
(`recover_abandoned`). Heartbeats are written and judged by the database's clock, the one
clock all workers share: a machine whose clock runs ahead would otherwise see every other
worker as silent and take their jobs, one running behind would look silent itself.
A job may therefore run again after its effects were written: jobs must be idempotent, or
commit their effects with their completion (jobs/atomic.py).
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Now
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger("waypoint.jobs")


def beat(worker_id: str) -> None:
    """Record that `worker_id` is alive now, by the database's clock."""
    now = Now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": now}, create_defaults={"started_at": now, "seen_at": now}
    )


def forget(worker_id: str) -> None:
    """A worker that stops cleanly leaves no heartbeat behind."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def recover_abandoned(*, lease: timedelta | None = None) -> list[str]:
    """Put RUNNING jobs of workers silent for longer than `lease` back to READY; their ids.

    The jobs are read before the heartbeats: a worker beats before it claims its first job, so
    every claim the first read sees belongs to a worker the second read finds alive. Read the
    other way round, a worker starting in between would lose the job it had just claimed.
    """
    lease = lease or timedelta(seconds=settings.JOBS_LEASE_SECONDS)
    running = _running()
    silent = Q(seen_at__lt=Now() - lease)
    alive = set(WorkerHeartbeat.objects.exclude(silent).values_list("worker_id", flat=True))
    recovered = _requeue(job for job in running if _last_claim(job) not in alive)
    if recovered:
        logger.warning("Put %d job(s) of silent workers back in the queue: %s", len(recovered), recovered)
    WorkerHeartbeat.objects.filter(silent).delete()
    return recovered


def release(worker_id: str) -> list[str]:
    """Put back the jobs `worker_id` claimed, when it knows it runs none of them.

    After the database failed in the middle of a job, the worker could not record the job's
    end, and its heartbeat keeps other workers from taking the job over.
    """
    released = _requeue(job for job in _running() if _last_claim(job) == worker_id)
    if released:
        logger.warning("Put back %d unfinished job(s) of %s: %s", len(released), worker_id, released)
    return released


# What django_tasks_db records as the job's failure when its worker is stopped at once (a
# second SIGTERM, Ctrl-C twice): the worker exits from inside the job.
CUT_SHORT = ["builtins.SystemExit", "builtins.KeyboardInterrupt"]


def requeue_cut_short(worker_id: str) -> list[str]:
    """Put back the job `worker_id` was stopped in the middle of: it did not fail, it was cut short.

    Called as the worker exits, so it runs again from the start like the job of a killed
    worker; a job that exits by itself while its worker goes on stays failed.
    """
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED, exception_class_path__in=CUT_SHORT)
    cut_short = [str(job.pk) for job in failed.only("id", "worker_ids") if _last_claim(job) == worker_id]
    DBTaskResult.objects.filter(pk__in=cut_short, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, finished_at=None
    )
    if cut_short:
        logger.warning("Put back %d job(s) %s was stopped in: %s", len(cut_short), worker_id, cut_short)
    return cut_short


def _running() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.running().only("id", "worker_ids"))


def _last_claim(job: DBTaskResult) -> str | None:
    """The worker running the job: the last to claim it."""
    return job.worker_ids[-1] if job.worker_ids else None


def _requeue(jobs: Iterable[DBTaskResult]) -> list[str]:
    """READY again: these RUNNING jobs, each only if nobody finished or claimed it since it was read."""
    requeued = []
    for job in jobs:
        if DBTaskResult.objects.filter(
            pk=job.pk, status=TaskResultStatus.RUNNING, worker_ids=job.worker_ids
        ).update(status=TaskResultStatus.READY):
            requeued.append(str(job.pk))
    return requeued
