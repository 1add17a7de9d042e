"""Sending one delivery: signed as Standard Webhooks asks, retried with backoff, in order per object.

Signing is the `standardwebhooks` library's: `webhook-id` (the same for every attempt),
`webhook-timestamp` (this attempt's) and `webhook-signature` (HMAC-SHA-256 over the three).
A 2xx answer delivers; anything else (another status, a refused address, a timeout) is a
failed attempt, retried after a growing pause until `WEBHOOK_MAX_ATTEMPTS`, then given up.
After `WEBHOOK_DISABLE_AFTER_FAILURES` failed attempts in a row the endpoint is disabled
and its organization told in the inbox.

Order per object: a delivery waits while an earlier one of the same object for the same
endpoint is pending; when a delivery ends (delivered or given up) the next one is queued.
The delivery row, not its job, holds the retry state (`jobs.retry` retries a job as such):
the log shows its attempts and next time, later deliveries of the object wait on it, and the
endpoint's failure count spans deliveries; a retry is a new job to run after `next_attempt_at`.
An attempt claims its delivery first (a short transaction pushing `next_attempt_at` past the
timeout), so a job queued twice sends once and no lock is held while the request is under way.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

import anyio
import httpx
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from standardwebhooks import Webhook

from .addresses import RefusedAddress, Target, resolve
from .models import WebhookDelivery, WebhookEndpoint

OVERDUE_GRACE = timedelta(minutes=5)
USER_AGENT = "Waypoint-Webhooks/1.0"


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()


def signed_headers(secret: str, delivery: WebhookDelivery, body: bytes, now) -> dict[str, str]:
    return {
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(delivery.message_id, now, body),
    }


def backoff(attempts: int) -> timedelta:
    """The pause after the `attempts`-th failed attempt: doubling from the base, capped."""
    seconds = settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1)
    return timedelta(seconds=min(seconds, settings.WEBHOOK_RETRY_MAX_SECONDS))


def _pending_of_object(endpoint_id, object_type, object_id):
    """The pending deliveries of one object to one endpoint (values, or `OuterRef`s in a subquery)."""
    return WebhookDelivery.objects.filter(
        endpoint_id=endpoint_id,
        object_type=object_type,
        object_id=object_id,
        status=WebhookDelivery.Status.PENDING,
    )


def _claim(delivery_id: int) -> WebhookDelivery | None:
    """The delivery if it is due now and this attempt takes it, else None.

    Only the delivery's row is locked (`of`), never its endpoint's: recording an attempt locks
    the endpoint and then writes the delivery, and the opposite order could deadlock with it.
    """
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING, endpoint__is_active=True)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .first()
        )
        if delivery is None or _waits_for_earlier(delivery):
            return None
        lease = now + timedelta(seconds=settings.WEBHOOK_TIMEOUT_SECONDS * 3)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=lease)
        return delivery


def overdue(grace: timedelta = OVERDUE_GRACE) -> list[int]:
    """Pending deliveries, first of their object, due for longer than `grace`: their job was lost
    (a worker died mid-attempt, after the claim). The schedule queues them again."""
    since = timezone.now() - grace
    earlier = _pending_of_object(OuterRef("endpoint_id"), OuterRef("object_type"), OuterRef("object_id"))
    due = Q(next_attempt_at__lte=since) | Q(next_attempt_at__isnull=True, created_at__lte=since)
    return list(
        WebhookDelivery.objects.filter(due, status=WebhookDelivery.Status.PENDING, endpoint__is_active=True)
        .exclude(Exists(earlier.filter(seq__lt=OuterRef("seq"))))
        .values_list("pk", flat=True)[:1000]
    )


def _waits_for_earlier(delivery: WebhookDelivery) -> bool:
    if delivery.seq is None:
        return False
    pending = _pending_of_object(delivery.endpoint_id, delivery.object_type, delivery.object_id)
    return pending.filter(seq__lt=delivery.seq).exists()


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    """POST to the checked address of `url`; (status code, error text)."""
    try:
        target = resolve(url)
    except RefusedAddress as exc:
        return None, str(exc)
    request_headers = {
        **headers,
        "host": target.host,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }
    limit = settings.WEBHOOK_TIMEOUT_SECONDS
    try:
        code = anyio.run(_send, target, body, request_headers, limit)
    except TimeoutError:
        return None, f"No answer within {limit} s."
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:300]
    return code, "" if 200 <= code < 300 else f"HTTP {code}"


async def _send(target: Target, body: bytes, headers: dict[str, str], limit: float) -> int:
    """The status code of the answer, the whole exchange within `limit` seconds.

    httpx bounds each read alone, so a receiver sending its answer a byte at a time would hold
    the worker for as long as it liked; `anyio.fail_after` bounds the whole. Only the status is
    needed, so the answer's body is never read.
    """
    with anyio.fail_after(limit):
        async with httpx.AsyncClient(timeout=limit, follow_redirects=False, trust_env=False) as client:
            request = client.build_request(
                "POST",
                target.url,
                content=body,
                headers=headers,
                extensions={"sni_hostname": target.hostname},
            )
            response = await client.send(request, stream=True)
            await response.aclose()
            return response.status_code


def attempt(delivery_id: int) -> None:
    """Make one attempt at a delivery that is due, and record how it went."""
    delivery = _claim(delivery_id)
    if delivery is None:
        return
    endpoint = delivery.endpoint
    body = body_of(delivery)
    now = timezone.now()
    started = time.monotonic()
    try:
        headers = signed_headers(endpoint.secret, delivery, body, now)
    except ValueError:  # sealed under a server key that is gone (core/sealed.py)
        code, error = None, "The signing secret cannot be read: give the endpoint a new secret."
    else:
        code, error = _post(endpoint.url, body, headers)
    duration = int((time.monotonic() - started) * 1000)
    _record(delivery, code=code, error=error, duration_ms=duration, at=now)


@transaction.atomic
def _record(delivery: WebhookDelivery, *, code: int | None, error: str, duration_ms: int, at) -> None:
    from . import services, tasks

    delivery.attempts += 1
    delivery.last_status_code = code
    delivery.last_error = error
    delivery.last_duration_ms = duration_ms
    delivery.last_attempt_at = at
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
    if not error:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
        if endpoint.consecutive_failures:
            endpoint.consecutive_failures = 0
            endpoint.save(update_fields=["consecutive_failures", "version", "updated_at"])
    else:
        if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.next_attempt_at = None
        else:
            delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
        endpoint.consecutive_failures = F("consecutive_failures") + 1
        endpoint.save(update_fields=["consecutive_failures", "version", "updated_at"])
        endpoint.refresh_from_db()
        if endpoint.is_active and endpoint.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER_FAILURES:
            services.endpoint_disable_after_failures(endpoint=endpoint)
    delivery.save()
    if delivery.status == WebhookDelivery.Status.PENDING:
        tasks.deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    else:
        queue_next(delivery)


def queue_next(delivery: WebhookDelivery) -> None:
    """Queue the next pending delivery of the same object, now that this one has ended."""
    from .tasks import deliver_webhook

    if delivery.seq is None:
        return
    pending = _pending_of_object(delivery.endpoint_id, delivery.object_type, delivery.object_id)
    following = pending.filter(seq__gt=delivery.seq).order_by("seq").values_list("pk", flat=True).first()
    if following is not None:
        deliver_webhook.enqueue(following)
