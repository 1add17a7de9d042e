"""At most `SYNC_SNAPSHOT_SLOTS` snapshot pages are built at once, across every worker.

A snapshot page reads and serializes hundreds of objects; a dozen devices syncing from
scratch would otherwise hold every worker and starve the cheap requests (`/healthz`, sign-in,
deltas). Beyond the bound a snapshot page is refused with 429 and `Retry-After`, which the
app's sync honours. The slots are PostgreSQL advisory locks, so they count across processes
and hosts and are freed when a connection dies; SQLite serves one process (`make run`), where
a semaphore of that process is the same bound. Written here because no library bounds work
across gunicorn workers without another server.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import Throttled

# The first key of the two-key advisory locks, so the slots cannot collide with other locks.
ADVISORY_NAMESPACE = 0x53594E43  # "SYNC"

_local_slots: dict[int, threading.BoundedSemaphore] = {}
_local_lock = threading.Lock()


class SnapshotsBusy(Throttled):
    default_detail = gettext_lazy("Many devices are syncing from scratch right now; retry shortly.")
    default_code = "snapshots_busy"

    def __init__(self):
        super().__init__(wait=settings.SYNC_SNAPSHOT_RETRY_SECONDS)


@contextmanager
def snapshot_slot() -> Iterator[None]:
    """Hold one snapshot slot while the block runs, or raise `SnapshotsBusy` when none is free."""
    release = _advisory_slot() if connection.vendor == "postgresql" else _local_slot()
    if release is None:
        raise SnapshotsBusy()
    try:
        yield
    finally:
        release()


Release = Callable[[], None]


def _advisory_slot() -> Release | None:
    """The first free advisory lock of this connection's session, and how to unlock it."""
    with connection.cursor() as cursor:
        for slot in range(1, settings.SYNC_SNAPSHOT_SLOTS + 1):
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [ADVISORY_NAMESPACE, slot])
            if cursor.fetchone()[0]:
                return lambda slot=slot: _advisory_unlock(slot)
    return None


def _advisory_unlock(slot: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [ADVISORY_NAMESPACE, slot])


def _local_slot() -> Release | None:
    with _local_lock:
        slots = _local_slots.setdefault(
            settings.SYNC_SNAPSHOT_SLOTS, threading.BoundedSemaphore(settings.SYNC_SNAPSHOT_SLOTS)
        )
    return slots.release if slots.acquire(blocking=False) else None
