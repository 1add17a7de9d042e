"""The feed's ordering guarantee and compaction.

Why writers are serialized: sequence numbers are handed out when a row is inserted, but
transactions commit in their own order. Were two writers allowed to interleave, a reader
could see #11 committed while #10 is still in flight, move its cursor past #10 and never
see it. So every transaction that appends to the feed first locks the watermark row and
holds the lock until it commits: a sequence number is only handed out after every
smaller one has been committed or rolled back, and any committed head `h` implies that
the feed up to `h` is final. (SQLite has one writer at a time anyway; there the lock is
a no-op.) Writes are rare next to reads in this system, so the cost is small.

Since every writer holds this lock, it is also the first lock a write takes, before any row
(`core/locks.py`): otherwise a writer holding a row would wait here for one that holds the
feed and needs that row, a deadlock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from .models import Change, FeedWatermark

WATERMARK_ID = 1


def lock_feed(using: str = "default") -> None:
    """Take the feed's writer lock until the current transaction ends."""
    rows = FeedWatermark.objects.using(using).select_for_update().filter(pk=WATERMARK_ID)
    if rows.values_list("pk", flat=True).first() is not None:
        return
    try:
        with transaction.atomic(using=using):
            FeedWatermark.objects.using(using).create(pk=WATERMARK_ID)
    except IntegrityError:
        pass  # a concurrent writer created it first; lock it below
    list(rows.values_list("pk", flat=True))


def pruned_past(position: int, using: str = "default"):
    """The watermark row when the feed was pruned past `position`, else nothing: a queryset, so
    a reader can ask it in the same statement as the entries after `position`."""
    return FeedWatermark.objects.using(using).filter(pk=WATERMARK_ID, pruned_through__gt=position)


def watermark(using: str = "default") -> int:
    """The sequence number through which the feed was pruned (0: nothing pruned yet)."""
    value = (
        FeedWatermark.objects.using(using).filter(pk=WATERMARK_ID).values_list("pruned_through", flat=True)
    )
    return value.first() or 0


@dataclass(frozen=True)
class PruneResult:
    deleted: int
    pruned_through: int
    cutoff: object


def prune(days: int, *, dry_run: bool = False, using: str = "default") -> PruneResult:
    """Delete entries older than `days` days and move the watermark past them.

    Deletes a contiguous prefix of the feed (every entry up to the newest old one), so a
    cursor either lies at or above the watermark and still finds every later change, or
    lies below it and is told to reset.
    """
    cutoff = timezone.now() - timedelta(days=days)
    with transaction.atomic(using=using):
        lock_feed(using)
        mark = FeedWatermark.objects.using(using).get(pk=WATERMARK_ID)
        newest_old = (
            Change.objects.using(using).filter(at__lt=cutoff).aggregate(newest=Max("seq"))["newest"] or 0
        )
        through = max(newest_old, mark.pruned_through)
        doomed = Change.objects.using(using).filter(seq__lte=through)
        if dry_run:
            return PruneResult(doomed.count(), through, cutoff)
        deleted, _ = doomed.delete()
        if through != mark.pruned_through:
            mark.pruned_through = through
            mark.save(update_fields=["pruned_through"])
    return PruneResult(deleted, through, cutoff)
