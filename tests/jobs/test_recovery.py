"""Jobs of a worker that died go back to the queue once its heartbeat is older than the lease;
what the network office sees of jobs, workers and the schedule."""

import time
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.housekeeping import Housekeeper
from jobs.models import WorkerHeartbeat
from jobs.recovery import beat, recover_abandoned, release
from jobs.schedule import SCHEDULE
from jobs.scheduler import enqueue_due
from tests.jobs import run_jobs
from tests.jobs.tasks import flaky

pytestmark = pytest.mark.django_db

LEASE = timedelta(seconds=settings.JOBS_LEASE_SECONDS)


def fall_silent(worker_id: str, *, for_: timedelta) -> None:
    """Date the worker's last heartbeat back, as if it had not beaten since."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=F("seen_at") - for_)


def claimed_by(worker_id: str):
    result = flaky.enqueue(0)
    DBTaskResult.objects.get(pk=result.id).claim(worker_id)
    return result


def status(result) -> str:
    result.refresh()
    return result.status


def test_the_job_of_a_silent_worker_is_queued_again_and_the_job_of_a_live_one_is_not():
    beat("dead")
    beat("busy")
    dead, busy = claimed_by("dead"), claimed_by("busy")
    fall_silent("dead", for_=LEASE + timedelta(seconds=1))  # "busy" still beats while its long job runs
    assert recover_abandoned() == [dead.id]
    assert status(dead) == TaskResultStatus.READY
    assert status(busy) == TaskResultStatus.RUNNING
    assert run_jobs() == 1
    assert status(dead) == TaskResultStatus.SUCCESSFUL
    assert dead.worker_ids == ["dead", "test-worker"]


def test_a_job_claimed_by_a_worker_that_never_beat_is_queued_again():
    orphan = claimed_by("gone")
    assert recover_abandoned() == [orphan.id]


def test_a_worker_back_from_a_database_outage_puts_back_only_its_own_unfinished_job():
    beat("back")
    beat("other")
    mine, theirs = claimed_by("back"), claimed_by("other")
    assert release("back") == [mine.id]
    assert status(mine) == TaskResultStatus.READY
    assert status(theirs) == TaskResultStatus.RUNNING


def test_nothing_is_recovered_within_the_lease():
    beat("slow")
    job = claimed_by("slow")
    fall_silent("slow", for_=LEASE - timedelta(seconds=1))
    assert recover_abandoned() == []
    assert status(job) == TaskResultStatus.RUNNING


@pytest.mark.parametrize("skew", [LEASE * 2, -LEASE * 2], ids=["ahead", "behind"])
def test_workers_whose_clocks_disagree_take_no_job_from_each_other(skew):
    """Heartbeats go by the database's clock: a machine's own clock decides nothing."""
    beat("steady")
    steady_job = claimed_by("steady")
    with time_machine.travel(timezone.now() + skew):
        beat("skewed")
        skewed_job = claimed_by("skewed")
        assert recover_abandoned() == []
    assert recover_abandoned() == []
    assert (status(steady_job), status(skewed_job)) == (TaskResultStatus.RUNNING, TaskResultStatus.RUNNING)


def test_the_network_office_watches_jobs_workers_and_the_schedule_in_the_admin(admin_client):
    beat("vm-1234")
    failed = flaky.enqueue(1, error="bug")
    run_jobs()
    enqueue_due(schedule=SCHEDULE[:1])
    pages = {
        "/admin/django_tasks_database/dbtaskresult/": ["flaky", "FAILED"],
        f"/admin/django_tasks_database/dbtaskresult/{failed.id}/change/": ["ValueError: attempt 1 failed"],
        "/admin/jobs/workerheartbeat/": ["vm-1234"],
        "/admin/jobs/periodicrun/": [SCHEDULE[0].task],
    }
    for url, texts in pages.items():
        page = admin_client.get(url)
        assert page.status_code == 200, url
        for text in texts:
            assert text in page.content.decode(), (url, text)
    delete = f"/admin/django_tasks_database/dbtaskresult/{failed.id}/delete/"
    assert admin_client.post(delete).status_code == 403  # the record of a job stays


def test_a_job_claimed_by_a_worker_that_starts_while_another_recovers_stays_with_it():
    """A worker beats, then claims: however the recovering worker's reads interleave with those
    two writes, it never takes the job from the newcomer."""
    job = flaky.enqueue(0)
    newcomer_started = []

    def newcomer_starts_after_the_first_read(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not newcomer_started:
            newcomer_started.append(True)
            beat("newcomer")
            DBTaskResult.objects.get(pk=job.id).claim("newcomer")
        return result

    with connection.execute_wrapper(newcomer_starts_after_the_first_read):
        assert recover_abandoned() == []
    assert status(job) == TaskResultStatus.RUNNING
    assert job.worker_ids == ["newcomer"]


@override_settings(JOBS_LEASE_SECONDS=1)
def test_a_worker_back_from_an_outage_leaves_the_others_a_lease_to_beat_again_before_taking_their_jobs():
    beat("busy")
    job = claimed_by("busy")
    fall_silent("busy", for_=timedelta(minutes=5))  # nobody could beat while the database was down
    back = Housekeeper("back")  # heard for the first time since the outage (or since it started)
    back.tick()
    assert status(job) == TaskResultStatus.RUNNING
    time.sleep(1.1)
    back.tick()  # a lease later "busy" has still not beaten: it is gone
    assert status(job) == TaskResultStatus.READY
