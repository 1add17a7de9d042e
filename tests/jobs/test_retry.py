"""Retries: a job that fails for a passing reason runs again later, each time later still."""

from datetime import timedelta

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.retry import RetryPolicy, TransientError
from tests.jobs import run_jobs
from tests.jobs.tasks import flaky

pytestmark = pytest.mark.django_db


def refreshed(result):
    result.refresh()
    return result


def run_when_due(result) -> int:
    """Move the clock to the job's `run_after` and run what is ready then."""
    run_after = DBTaskResult.objects.get(pk=result.id).run_after
    with time_machine.travel(run_after + timedelta(milliseconds=1), tick=False):
        return run_jobs()


def test_a_job_that_fails_twice_runs_a_third_time_and_succeeds_with_growing_waits():
    result = flaky.enqueue(2)
    assert run_jobs() == 1
    waits = []
    for _ in range(2):
        job = DBTaskResult.objects.get(pk=result.id)
        assert job.status == TaskResultStatus.READY
        assert job.exception_class_path == "jobs.retry.TransientError"
        waits.append(job.run_after - job.started_at)
        assert run_jobs() == 0  # not before its time
        assert run_when_due(result) == 1
    assert timedelta(seconds=5) <= waits[0] <= timedelta(seconds=11)
    assert waits[1] > waits[0]
    assert refreshed(result).status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 3
    assert result.attempts == 3


def test_a_job_that_keeps_failing_stays_failed_after_its_last_attempt(caplog):
    result = flaky.enqueue(99)
    assert run_jobs() == 1
    for _ in range(3):
        assert run_when_due(result) == 1
    assert refreshed(result).status == TaskResultStatus.FAILED
    assert result.attempts == 4
    assert "failed on attempt 4 of 4; not retried" in caplog.text
    assert run_when_due(result) == 0


def test_a_bug_is_not_retried():
    result = flaky.enqueue(1, error="bug")
    assert run_jobs() == 1
    assert refreshed(result).status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class is ValueError


def test_the_wait_doubles_with_each_attempt_half_of_it_random_and_stops_growing_at_the_cap():
    policy = RetryPolicy(
        max_attempts=10, base=timedelta(seconds=10), cap=timedelta(minutes=5), on=(TransientError,)
    )
    for attempt, ceiling in [(1, 10), (2, 20), (3, 40), (5, 160), (6, 300), (9, 300)]:
        waits = {policy.delay(attempt) for _ in range(50)}
        assert all(timedelta(seconds=ceiling / 2) <= wait <= timedelta(seconds=ceiling) for wait in waits)
        assert len(waits) > 1
