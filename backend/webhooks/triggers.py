"""Queue the drawing up of webhook events in every transaction that writes the change feed.

Once per transaction, not per entry (an organization's edit may write dozens), and inside it,
so the job commits with the changes it is about and a rolled-back write queues nothing. A
no-op commit callback marks the transaction as served; Django drops it, with the job row,
when the transaction or its savepoint rolls back. The schedule runs the same job every
minute, so a change is drawn up even if this trigger never fired (webhooks/tasks.py).
"""

from django.db import transaction

from changes.registry import entry_for_type

from .models import WebhookEndpoint


def _queued_in_this_transaction() -> None:
    """The marker: registered with `on_commit`, it does nothing when it runs."""


def change_recorded(sender, instance, created, using="default", **kwargs):
    entry = entry_for_type(instance.object_type)
    if not created or entry is None or not entry.synced:
        return
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        if any(callback[1] is _queued_in_this_transaction for callback in connection.run_on_commit):
            return
        transaction.on_commit(_queued_in_this_transaction, using=using)
    if WebhookEndpoint.objects.using(using).filter(is_active=True).exists():
        from .tasks import draw_up_events

        draw_up_events.enqueue()
