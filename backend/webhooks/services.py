"""Writes of webhook endpoints with side effects: the secret, enabling and disabling, a test ping."""

from __future__ import annotations

import base64
import secrets

from django.db import transaction
from django.utils import timezone

from inbox import producers
from sync.shape import utc_seconds

from . import events
from .fanout import feed_head
from .models import WebhookDelivery, WebhookEndpoint

SECRET_BYTES = 32


def new_signing_secret() -> str:
    """A secret in the Standard Webhooks format: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def endpoint_create(*, actor, **fields) -> WebhookEndpoint:
    """Register an endpoint; it hears of the changes made from now on."""
    return WebhookEndpoint.objects.create(
        **fields, created_by=actor, secret=new_signing_secret(), cursor=feed_head()
    )


@transaction.atomic
def endpoint_update(*, endpoint: WebhookEndpoint, **fields) -> WebhookEndpoint:
    """Change an endpoint; disabling it by hand says so, enabling it resumes where it stopped.

    The changes made while it was disabled are drawn up and delivered then, with the deliveries
    that were waiting, so nothing is lost while the feed keeps them (CHANGE_RETENTION_DAYS).
    """
    enabling = fields.get("is_active") is True and not endpoint.is_active
    disabling = fields.get("is_active") is False and endpoint.is_active
    for name, value in fields.items():
        setattr(endpoint, name, value)
    if disabling:
        endpoint.disabled_reason = "Switched off by hand."
        endpoint.disabled_at = timezone.now()
    if enabling:
        endpoint.disabled_reason = ""
        endpoint.disabled_at = None
        endpoint.consecutive_failures = 0
    endpoint.save()
    if enabling:
        _resume(endpoint)
    return endpoint


def _resume(endpoint: WebhookEndpoint) -> None:
    from .tasks import deliver_webhook, draw_up_events

    waiting = endpoint.deliveries.filter(status=WebhookDelivery.Status.PENDING).order_by("seq")
    for delivery_id in waiting.values_list("pk", flat=True):
        deliver_webhook.enqueue(delivery_id)
    draw_up_events.enqueue()


def endpoint_rotate_secret(*, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """A new secret; the old one signs nothing from now on, retries of earlier events included."""
    endpoint.secret = new_signing_secret()
    endpoint.save()
    return endpoint


def endpoint_ping(*, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """Queue a `webhook.test` event, so a partner can check their receiver and its verification."""
    from .tasks import deliver_webhook

    payload = {
        "type": events.PING,
        "timestamp": utc_seconds(timezone.now()),
        "data": {"endpoint": endpoint.pk},
    }
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event_type=events.PING, payload=payload)
    deliver_webhook.enqueue(delivery.pk)
    return delivery


def endpoint_disable_after_failures(*, endpoint: WebhookEndpoint) -> None:
    """Stop sending to an endpoint that keeps failing, and tell its organization."""
    endpoint.is_active = False
    endpoint.disabled_at = timezone.now()
    endpoint.disabled_reason = f"Disabled after {endpoint.consecutive_failures} failed attempts in a row."
    endpoint.save()
    producers.webhook_disabled(endpoint=endpoint)
