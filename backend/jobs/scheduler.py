"""Enqueue each periodic job of `jobs.schedule.SCHEDULE` once per slot, from any number of workers.

Time is cut into slots of each entry's `every`, counted from the Unix epoch (a daily job's
slot starts at 00:00 UTC). The first worker to see a new slot moves `PeriodicRun.last_slot`
to it with a conditional UPDATE and enqueues the job in the same transaction; any other
worker's UPDATE then matches no row. On PostgreSQL the second UPDATE waits for the first
one's row lock and re-reads the row; SQLite takes one writer at a time. A slot that passed
while no worker ran is not made up for, only the current one is enqueued.
"""

from datetime import UTC, datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicRun
from .schedule import SCHEDULE, Periodic

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def slot_start(periodic: Periodic, now: datetime) -> datetime:
    """The start of the slot `now` falls in."""
    return now - (now - EPOCH) % periodic.every


def enqueue_due(*, now: datetime | None = None, schedule: list[Periodic] = SCHEDULE) -> list[str]:
    """Enqueue every job whose current slot no worker has enqueued yet; the tasks enqueued."""
    now = now or timezone.now()
    last_slots = dict(
        PeriodicRun.objects.filter(task__in=[p.task for p in schedule]).values_list("task", "last_slot")
    )
    missing = [PeriodicRun(task=p.task) for p in schedule if p.task not in last_slots]
    if missing:
        PeriodicRun.objects.bulk_create(missing, ignore_conflicts=True)
    enqueued = []
    for periodic in schedule:
        slot = slot_start(periodic, now)
        last = last_slots.get(periodic.task)
        if last is not None and last >= slot:
            continue  # taken already: no write, so idle workers leave SQLite's one writer alone
        with transaction.atomic():
            won = (
                PeriodicRun.objects.filter(task=periodic.task)
                .filter(Q(last_slot__isnull=True) | Q(last_slot__lt=slot))
                .update(last_slot=slot, last_enqueued_at=now)
            )
            if won:
                import_string(periodic.task).enqueue()
                enqueued.append(periodic.task)
    return enqueued
