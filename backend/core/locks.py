"""The one lock order of every write: the change feed's writer lock first, then rows.

Every write of a tracked object appends to the change feed, which holds one writer lock
until the transaction commits (`changes.feed`). A transaction that locked a row before
taking that lock can deadlock with one that holds it: on PostgreSQL a foreign key is
checked at commit with a share lock on the row it names, so a coordinator adding a contact
point (feed lock held) would wait for an admin's edit of the organization (row locked),
which waits for the feed. Taking the feed lock first makes such writers queue instead.

So code that locks rows for a write does it through `lock_for_write()`, and saving or
deleting a tracked object takes the feed lock before its statement (`changes.signals`).
A transaction that never writes a tracked object (a token refresh) may lock rows directly.
The lock itself belongs to the feed, a floor above; it registers here at start-up
(`provide_first_lock`), so this ground floor imports no feed.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

FirstLock = Callable[[str], None]
_first_lock: FirstLock | None = None


def provide_first_lock(lock: FirstLock) -> None:
    """Register the lock every writer takes before any row (called once, by the changes app)."""
    global _first_lock
    _first_lock = lock


def take_first_lock(using: str) -> None:
    """Take the writers' first lock until the current transaction ends."""
    if _first_lock is None:
        raise ImproperlyConfigured(
            "No app provides the first lock: core.locks.provide_first_lock() was never called."
        )
    _first_lock(using)


def lock_for_write(queryset: QuerySet) -> QuerySet:
    """`queryset.select_for_update()`, after the first lock, so its rows are locked in the one order."""
    take_first_lock(queryset.db)
    return queryset.select_for_update()
