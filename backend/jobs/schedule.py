"""The periodic jobs, in one list: the worker enqueues each when it falls due, no system cron.

Each entry names a task (a `django_tasks` task without arguments, by dotted path) and how
often it runs; jobs/scheduler.py enqueues it once per slot of that length.
"""

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Periodic:
    task: str
    every: timedelta


SCHEDULE: list[Periodic] = [
    Periodic("alerts.tasks.purge_expired_alerts", every=timedelta(minutes=5)),
    Periodic("inbox.tasks.remind_stale_contacts", every=timedelta(days=1)),
    Periodic("changes.tasks.prune_changes", every=timedelta(days=1)),
    Periodic("accounts.tasks.prune_sessions", every=timedelta(days=1)),
    Periodic("core.tasks.purge_idempotency_keys", every=timedelta(days=1)),
    Periodic("jobs.tasks.prune_job_results", every=timedelta(days=1)),
    # A safety net: every write of the feed queues it too (webhooks/triggers.py).
    Periodic("webhooks.tasks.draw_up_events", every=timedelta(minutes=1)),
    Periodic("webhooks.tasks.prune_deliveries", every=timedelta(days=1)),
    # Coordinators hear of their stale contact points once a month (mail/digest.py).
    Periodic("mail.tasks.send_stale_digests", every=timedelta(days=30)),
]
