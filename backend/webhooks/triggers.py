"""Queue the drawing up of webhook events in every transaction that writes the change feed.

Once per transaction, not per entry (an organization's edit may write dozens), and inside it,
so the job commits with the changes it is about and a rolled-back write queues nothing. A
no-op commit callback marks the transaction as served; Django drops it, with the job row,
when the transaction or its savepoint rolls back (`_marked`). While no endpoint is active, each
entry costs one indexed EXISTS and queues nothing. The schedule runs the same job every
minute, so a change is drawn up even if this trigger never fired (webhooks/tasks.py).
"""

from django.db import transaction

from changes.registry import entry_for_type

from .models import WebhookEndpoint
from .tasks import draw_up_events


def _queued_in_this_transaction() -> None:
    """The marker: registered with `on_commit`, it does nothing when it runs."""


def change_recorded(sender, instance, created, using="default", **kwargs):
    entry = entry_for_type(instance.object_type)
    if not created or entry is None or not entry.synced:
        return
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and _marked(connection):
        return
    if not WebhookEndpoint.objects.using(using).filter(is_active=True).exists():
        return
    draw_up_events.enqueue()
    if connection.in_atomic_block:
        transaction.on_commit(_queued_in_this_transaction, using=using)


def _marked(connection) -> bool:
    """Whether the marker was registered in the current savepoint or one enclosing it.

    Django keeps each commit callback with the savepoints open when it was registered
    (`run_on_commit`), and drops it when one of them rolls back. A marker left by a savepoint
    that has been released since does not count: tests run each request in a savepoint of
    one transaction, and each request must queue its own job.
    """
    open_now = set(connection.savepoint_ids)
    return any(
        callback is _queued_in_this_transaction and savepoints <= open_now
        for savepoints, callback, *_ in connection.run_on_commit
    )
