"""`manage.py run_worker` as a real process on a SQLite file: stopped, killed, restarted, doubled.

Each test gets a freshly migrated database, enqueues jobs of tests/jobs/tasks.py through Django's
shell and starts workers with a short heartbeat and lease, so a killed worker's job comes
back within seconds. The job writes an inbox row, then sleeps: a worker stopped in between
must still leave exactly one row.
"""

import json
import os
import signal
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection

from jobs.schedule import SCHEDULE
from tests.servers import MANAGE, ROOT, stop

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="starts its own workers on a SQLite file; the SQLite pass runs it"
)

LEASE_SECONDS = 3
JOBS = "django_tasks_database_dbtaskresult"


class Site:
    """A database file, the environment to reach it, and the reads a test needs."""

    def __init__(self, folder: Path, template: Path | None = None):
        self.folder = folder
        self.database = folder / "jobs.sqlite3"
        environ = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        self.env = {
            **environ,
            "DJANGO_SETTINGS_MODULE": "waypoint.settings.base",
            "WAYPOINT_VAR_DIR": str(folder),
            "DATABASE_URL": f"sqlite:///{self.database}",
            "DEBUG": "0",
            "PYTHONPATH": str(ROOT),  # the worker imports the test tasks by their dotted path
            "JOBS_HEARTBEAT_SECONDS": "1",
            "JOBS_LEASE_SECONDS": str(LEASE_SECONDS),
        }
        if template is None:
            self.manage("migrate", "--no-input", "-v0")
        else:
            with sqlite3.connect(template) as source, sqlite3.connect(self.database) as copy:
                source.backup(copy)

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [*MANAGE, *args], env=self.env, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300
        )
        return done.stdout

    def enqueue(self, *jobs: tuple[str, float]) -> list[str]:
        """Enqueue `note_slowly` once per (text, seconds), in order; the job ids."""
        code = (
            "import json\n"
            "from organizations.models import Organization\n"
            "from tests.jobs.tasks import note_slowly\n"
            "org = Organization.objects.create(slug='shelter', name='Shelter (example data)')\n"
            f"ids = [note_slowly.enqueue(org.pk, text, seconds).id for text, seconds in {jobs!r}]\n"
            "print(json.dumps(ids))\n"
        )
        return json.loads(self.manage("shell", "-v0", "-c", code))

    def query(self, sql: str, *params) -> list[tuple]:
        with sqlite3.connect(self.database, timeout=30) as db:
            return db.execute(sql, params).fetchall()

    def job(self, job_id: str) -> tuple[str, list[str]]:
        """The job's status and the workers that claimed it."""
        sql = f"SELECT status, worker_ids FROM {JOBS} WHERE id = ?"
        status, workers = self.query(sql, uuid.UUID(job_id).hex)[0]
        return status, json.loads(workers)

    def notes(self) -> dict[str, int]:
        """How many inbox rows each job wrote."""
        return dict(self.query("SELECT text, count(*) FROM inbox_notification GROUP BY text"))

    @contextmanager
    def worker(self, name: str) -> Iterator[subprocess.Popen]:
        with (self.folder / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(
                [*MANAGE, "run_worker", "--interval", "0.2", "--worker-id", name, "-v2"],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            yield process
        finally:
            stop(process)

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text()


def wait_until(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    return Site(tmp_path_factory.mktemp("migrated")).database


@pytest.fixture
def site(tmp_path, migrated) -> Site:
    """A fresh copy of a migrated database for each test."""
    return Site(tmp_path, template=migrated)


def test_a_worker_stopped_mid_job_finishes_it_and_the_next_worker_runs_the_rest_once_each(site):
    first, second = site.enqueue(("first", 2), ("second", 0))
    with site.worker("one") as worker:
        wait_until(lambda: site.job(first)[0] == "RUNNING")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    assert site.job(first)[0] == "SUCCESSFUL"
    assert site.job(second) == ("READY", [])
    with site.worker("two"):
        wait_until(lambda: site.job(second)[0] == "SUCCESSFUL")
    assert site.job(first) == ("SUCCESSFUL", ["one"])
    assert site.job(second) == ("SUCCESSFUL", ["two"])
    assert site.notes() == {"first": 1, "second": 1}
    assert site.query("SELECT count(*) FROM jobs_workerheartbeat") == [(0,)]  # both left cleanly


def test_a_job_cut_short_by_a_second_stop_signal_goes_back_to_the_queue_and_runs_once(site):
    (job,) = site.enqueue(("hurried", 5))
    with site.worker("hurried") as worker:
        wait_until(lambda: site.job(job)[0] == "RUNNING")
        time.sleep(0.5)  # the row is written, the transaction still open
        worker.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        worker.send_signal(signal.SIGTERM)  # stop at once
        worker.wait(timeout=30)
    assert site.job(job) == ("READY", ["hurried"])  # not a failure of the job: it runs again
    with site.worker("next"):
        wait_until(lambda: site.job(job)[0] == "SUCCESSFUL")
    assert site.job(job) == ("SUCCESSFUL", ["hurried", "next"])
    assert site.notes() == {"hurried": 1}


def test_the_job_of_a_killed_worker_runs_again_after_the_lease_and_writes_its_row_once(site):
    (job,) = site.enqueue(("killed", 5))
    with site.worker("doomed") as worker:
        wait_until(lambda: site.job(job)[0] == "RUNNING")
        time.sleep(0.5)  # the row is written, the transaction still open
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    assert site.job(job) == ("RUNNING", ["doomed"])  # nothing else would ever change that
    started = time.monotonic()
    with site.worker("rescuer"):
        wait_until(lambda: site.job(job)[0] == "SUCCESSFUL", timeout=60)
    assert time.monotonic() - started >= LEASE_SECONDS - 1  # not before the lease was over
    assert site.job(job) == ("SUCCESSFUL", ["doomed", "rescuer"])
    assert site.notes() == {"killed": 1}
    assert "back in the queue" in site.log("rescuer")


def test_a_job_longer_than_the_lease_stays_with_its_live_worker_while_another_watches(site):
    (job,) = site.enqueue(("long", LEASE_SECONDS * 2 + 1))
    with site.worker("runner"):
        wait_until(lambda: site.job(job)[0] == "RUNNING")
        with site.worker("watcher"):
            wait_until(lambda: site.job(job)[0] == "SUCCESSFUL")
    assert site.job(job) == ("SUCCESSFUL", ["runner"])
    assert site.notes() == {"long": 1}
    assert "back in the queue" not in site.log("watcher")


def test_two_workers_started_together_enqueue_each_periodic_job_once(site):
    with site.worker("left"), site.worker("right"):
        # Both alive; a heartbeat later, each has checked the schedule at least twice.
        wait_until(lambda: site.query("SELECT count(*) FROM jobs_workerheartbeat") == [(2,)])
        time.sleep(1.5)
        enqueued = dict(site.query(f"SELECT task_path, count(*) FROM {JOBS} GROUP BY task_path"))
    assert enqueued == {periodic.task: 1 for periodic in SCHEDULE}
