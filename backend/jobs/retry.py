"""Retries with exponential backoff for jobs that fail for a passing reason.

    @retrying(max_attempts=8, base=timedelta(seconds=10), on=(TransientError,))
    @task()
    def deliver(delivery_id: int) -> None: ...

A job of such a task that raises one of `on` is not left FAILED: it goes back to READY, on
the same row, to run after a delay that doubles with each attempt (half of it random, so
jobs that failed together do not come back together), never more than `cap`. After
`max_attempts` attempts, or on any other exception, it stays FAILED and is logged.

django_tasks_db has no retries, and nothing between a job's failure and the worker's next
pick to hook into but the `task_finished` signal, which every worker sends, the test runner
(tests/jobs/) too; so the policy rides on the task's function and a receiver applies it.
The attempt count is the job's own: every claim of the row adds the worker to `worker_ids`.
"""

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.dispatch import receiver
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("waypoint.jobs")


class TransientError(Exception):
    """Raised by a job when trying again later may succeed (a peer answered 5xx, a timeout)."""


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base: timedelta
    cap: timedelta
    on: tuple[type[BaseException], ...]

    def delay(self, attempt: int) -> timedelta:
        """The wait after failed attempt `attempt` (from 1): base·2ⁿ⁻¹, capped, half of it random."""
        ceiling = min(self.cap, self.base * 2 ** (attempt - 1))
        return ceiling / 2 + ceiling / 2 * random.random()  # noqa: S311 (spread, not secrecy)


def retrying(
    *,
    max_attempts: int = 8,
    base: timedelta = timedelta(seconds=10),
    cap: timedelta = timedelta(hours=1),
    on: tuple[type[BaseException], ...] = (TransientError,),
) -> Callable[[Task], Task]:
    """Give a task (put this above `@task()`) a retry policy."""
    policy = RetryPolicy(max_attempts=max_attempts, base=base, cap=cap, on=on)

    def attach(task: Task) -> Task:
        task.func.retry_policy = policy
        return task

    return attach


@receiver(task_finished)
def retry_failed_job(sender, task_result, **kwargs) -> None:
    if task_result.status != TaskResultStatus.FAILED:
        return
    policy: RetryPolicy | None = getattr(task_result.task.func, "retry_policy", None)
    if policy is None:
        return
    try:
        transient = issubclass(task_result.errors[-1].exception_class, policy.on)
    except (ImportError, ValueError):  # an exception class that cannot be imported here
        transient = False
    attempt = task_result.attempts
    if not transient or attempt >= policy.max_attempts:
        logger.error(
            "Job %s (%s) failed on attempt %d of %d; not retried.",
            task_result.id,
            task_result.task.name,
            attempt,
            policy.max_attempts,
        )
        return
    run_after = timezone.now() + policy.delay(attempt)
    DBTaskResult.objects.filter(pk=task_result.id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.warning(
        "Job %s (%s) failed on attempt %d of %d; retried after %s.",
        task_result.id,
        task_result.task.name,
        attempt,
        policy.max_attempts,
        run_after.isoformat(),
    )
