"""What a worker process does beside running jobs: say it is alive, rescue jobs, keep the schedule.

A thread of `manage.py run_worker`, since the worker's own loop is busy for as long as a job
runs and a long job must not look like a dead worker. Every `JOBS_HEARTBEAT_SECONDS` it
records the heartbeat, puts the jobs of silent workers back in the queue and enqueues the
periodic jobs that fell due. All three are safe with any number of workers doing the same.

A worker judges others silent only once it has itself been heard for a whole lease. After a
database outage every heartbeat is old, the live workers' too: the first worker back would
otherwise take the jobs they are still running. Waiting a lease gives them time to beat again;
a worker that does not is gone. A worker just started waits the same, for the same reason.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections

from .recovery import beat, recover_abandoned
from .scheduler import enqueue_due

logger = logging.getLogger("waypoint.jobs")


def one_line(error: BaseException) -> str:
    first = str(error).strip().splitlines()
    return f"{type(error).__name__}: {first[0] if first else ''}"


class Housekeeper(threading.Thread):
    def __init__(self, worker_id: str):
        super().__init__(name="jobs-housekeeping", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()
        self.heard_since: float | None = None  # monotonic time of the first beat since start or outage

    def tick(self) -> None:
        beat(self.worker_id)
        now = time.monotonic()
        if self.heard_since is None:
            self.heard_since = now
        if now - self.heard_since >= settings.JOBS_LEASE_SECONDS:
            recover_abandoned()
        for task in enqueue_due():
            logger.info("Enqueued periodic job %s.", task)

    def run(self) -> None:
        while not self.stopped.wait(settings.JOBS_HEARTBEAT_SECONDS):
            try:
                self.tick()
            except DatabaseError as error:  # an outage: one line per beat, not a traceback
                self.heard_since = None
                logger.warning("Database unavailable for the worker's heartbeat (%s).", one_line(error))
            except Exception:  # never stop beating
                logger.exception("Background job housekeeping failed; trying again on the next beat.")
            finally:
                connections.close_all()  # this thread's own connections, not the worker's

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=30)
