"""The periodic jobs, in one list: the worker enqueues each when it falls due, no system cron.

Each entry names a task (a `django_tasks` task, by dotted path) and how often it runs.
"""

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Periodic:
    task: str
    every: timedelta


SCHEDULE: list[Periodic] = [
    # Coordinators hear of their stale contact points once a month (mail/digest.py).
    Periodic("mail.tasks.send_stale_digests", every=timedelta(days=30)),
]
