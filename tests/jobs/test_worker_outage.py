"""A worker on PostgreSQL through a database outage: it waits, then goes on by itself.

The worker runs as the compose service runs it, on a PostgreSQL cluster this test starts and
stops. While the database is down the worker logs one short line per attempt and stays up;
once the database is back it runs the jobs enqueued since, without a restart.
"""

import time

import pytest

from tests.servers import manage, postgres, production_env, worker

pytestmark = pytest.mark.stack


def django(environ: dict[str, str], code: str) -> str:
    return manage(environ, "shell", "-v0", "-c", code).strip()


def until(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.5)


def test_a_worker_waits_out_a_database_outage_then_runs_the_jobs_enqueued_after_it(tmp_path):
    with postgres() as database:
        environ = production_env(
            tmp_path,
            DATABASE_URL=database.create_database("waypoint"),
            DATABASE_CONNECT_TIMEOUT="1",
            JOBS_HEARTBEAT_SECONDS="1",
            JOBS_LEASE_SECONDS="3",
        )
        manage(environ, "migrate", "--noinput")
        log = tmp_path / "worker.log"
        beating = "from jobs.models import WorkerHeartbeat; print(WorkerHeartbeat.objects.count())"
        with worker(environ, log) as process:
            until(lambda: django(environ, beating) == "1")
            database.stop()
            time.sleep(4)  # a few heartbeats and claims fail meanwhile
            assert process.poll() is None, log.read_text()
            database.start()
            task = "from core.tasks import purge_idempotency_keys as task"
            job = django(environ, f"{task}; print(task.enqueue().id)")
            status = f"{task}; print(task.get_result('{job}').status)"
            until(lambda: django(environ, status) == "SUCCESSFUL")
            assert process.poll() is None
        text = log.read_text()
        assert "Database unavailable for the worker" in text
        assert "Traceback" not in text, text
