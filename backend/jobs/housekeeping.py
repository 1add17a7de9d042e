"""What a worker process does beside running jobs: say it is alive, rescue jobs, keep the schedule.

A thread of `manage.py run_worker`, since the worker's own loop is busy for as long as a job
runs and a long job must not look like a dead worker. Every `JOBS_HEARTBEAT_SECONDS` it
records the heartbeat, puts the jobs of silent workers back in the queue and enqueues the
periodic jobs that fell due. All three are safe with any number of workers doing the same.
"""

import logging
import threading

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

    def tick(self) -> None:
        beat(self.worker_id)
        recover_abandoned()
        for task in enqueue_due():
            logger.info("Enqueued periodic job %s.", task)

    def run(self) -> None:
        while not self.stopped.wait(settings.JOBS_HEARTBEAT_SECONDS):
            try:
                self.tick()
            except DatabaseError as error:  # an outage: one line per beat, not a traceback
                logger.warning("Database unavailable for the worker's heartbeat (%s).", one_line(error))
            except Exception:  # never stop beating
                logger.exception("Background job housekeeping failed; trying again on the next beat.")
            finally:
                connections.close_all()  # this thread's own connections, not the worker's

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=30)
