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
    # A safety net: every write of the feed queues it too (webhooks/triggers.py).
    Periodic("webhooks.tasks.draw_up_events", every=timedelta(minutes=1)),
]
