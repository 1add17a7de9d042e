"""Background jobs of webhooks: drawing up events from the feed, and delivering them."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import delivery, fanout
from .models import WebhookDelivery, WebhookEndpoint


@task()
def draw_up_events() -> None:
    """Draw up the events of every active endpoint from the feed; each is queued for delivery.

    Queued by every transaction that writes the feed (webhooks/triggers.py), and run on the
    schedule as a safety net, which also queues again deliveries whose job was lost.
    """
    for endpoint_id in WebhookEndpoint.objects.filter(is_active=True).values_list("pk", flat=True):
        while fanout.draw_up(endpoint_id):
            pass
    for delivery_id in delivery.overdue():
        deliver_webhook.enqueue(delivery_id)


@task()
def deliver_webhook(delivery_id: int) -> None:
    delivery.attempt(delivery_id)


@task()
def prune_deliveries() -> int:
    """Daily: forget deliveries that ended (delivered or given up) longer ago than
    WEBHOOK_DELIVERY_RETENTION_DAYS; the log keeps what a partner may still ask about."""
    before = timezone.now() - timedelta(days=settings.WEBHOOK_DELIVERY_RETENTION_DAYS)
    ended = WebhookDelivery.objects.exclude(status=WebhookDelivery.Status.PENDING)
    deleted, _ = ended.filter(created_at__lt=before).delete()
    return deleted
