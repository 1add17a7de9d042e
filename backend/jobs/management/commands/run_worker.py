"""`manage.py run_worker`: the one background process, jobs and schedule together, no cron.

It runs django_tasks_db's worker loop (claim a READY job, run it, record the result) in the
main thread, and beside it a housekeeping thread (jobs/housekeeping.py) that records the
worker's heartbeat, puts jobs of workers that died back in the queue and enqueues the
periodic jobs of jobs/schedule.py when they fall due. Start as many as the load needs, on as
many machines: each slot of the schedule is enqueued once and each job is claimed by one.

SIGTERM (or Ctrl-C) lets the running job finish, then exits; a second one stops at once and
puts the job back in the queue. A worker killed outright leaves its job RUNNING until another
worker sees its heartbeat is older than `JOBS_LEASE_SECONDS` and queues the job again.
Through a database outage the worker waits and goes on where it stopped, putting back the
job it could not record the end of.
"""

import logging
import os
import socket
import time
from contextlib import suppress

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands import db_worker

from jobs.housekeeping import Housekeeper, one_line
from jobs.recovery import forget, release, requeue_cut_short

logger = logging.getLogger("waypoint.jobs")


class Command(db_worker.Command):
    help = "Run background jobs and the periodic schedule (stop with SIGTERM: the running job finishes)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-name",
            default="*",
            help="Queues to take jobs from, separated by commas (default: every queue).",
        )
        parser.add_argument(
            "--interval",
            type=db_worker.valid_interval,
            default=1.0,
            help="Seconds to wait for new jobs when the queue is empty (default: 1).",
        )
        parser.add_argument(
            "--worker-id",
            type=db_worker.validate_worker_id,
            default=None,
            help="Unique name of this worker (default: host, process id and a random suffix).",
        )

    def handle(self, *, queue_name: str, interval: float, worker_id: str | None, verbosity: int, **options):
        self.configure_logging(verbosity)
        worker_id = worker_id or f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"
        worker = db_worker.Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=True,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        housekeeper = Housekeeper(worker_id)
        housekeeper.tick()  # alive before the first claim, so no other worker takes its job away
        worker.configure_signals()
        housekeeper.start()
        try:
            self.work(worker)
        finally:
            housekeeper.stop()
            with suppress(DatabaseError):
                requeue_cut_short(worker_id)
                forget(worker_id)

    @staticmethod
    def work(worker: db_worker.Worker) -> None:
        """The worker's loop, started again once the database answers after an outage."""
        while True:
            try:
                release(worker.worker_id)  # it runs no job now: one an outage cut short goes back
                worker.run()
                return
            except DatabaseError as error:
                if not worker.running:
                    return
                logger.warning("Database unavailable for the worker (%s); waiting.", one_line(error))
                connections.close_all()
                time.sleep(settings.JOBS_HEARTBEAT_SECONDS)
