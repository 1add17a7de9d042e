"""Drawing up events: the feed's changes an endpoint's organization may see, as deliveries.

The same rule as sync, through sync's own code: the entries after the endpoint's cursor whose
audience before or after admits its viewer (`ChangeQuerySet.seen_by`), grouped per object;
each object is then looked up through `visible_to(viewer)` (`sync.engine.visible_rows`):
found, its current representation is the event's data; not found, it left the viewer's sight
and the event is a deletion carrying only its id. An object the viewer never could see has no
entry admitting them, so no endpoint ever hears of it.

The cursor moves in the same transaction that stores the deliveries, and a delivery is unique
per (endpoint, entry): drawing twice delivers once. Feed writers are serialized
(changes/feed.py), so once an entry is committed every earlier one is final, and a cursor
never passes an entry still in flight.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from changes.models import Change
from changes.registry import entry_for_type, synced_entries
from core.visibility import Audience
from sync.engine import visible_rows
from sync.shape import Shape, utc_seconds

from .events import event_action, subscribes
from .models import WebhookDelivery, WebhookEndpoint

BATCH = 500


@dataclass
class _Object:
    type_name: str
    key: str
    seen_before: bool
    seq: int = 0
    at: object = None


def feed_head() -> int:
    return Change.objects.aggregate(top=Max("seq"))["top"] or 0


def draw_up(endpoint_id: int) -> bool:
    """Store and queue the deliveries of one batch of changes for an active endpoint; True when
    more changes wait after it."""
    from .tasks import deliver_webhook

    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().filter(pk=endpoint_id, is_active=True).first()
        if endpoint is None:
            return False
        viewer = endpoint.viewer
        top = feed_head()
        types = [entry.type_name for entry in synced_entries()]
        changes = list(
            Change.objects.filter(seq__gt=endpoint.cursor, seq__lte=top, object_type__in=types)
            .seen_by(viewer)
            .order_by("seq")
            .values("seq", "at", "object_type", "object_id", "audience_before")[:BATCH]
        )
        objects: dict[tuple[str, str], _Object] = {}
        for change in changes:
            key = (change["object_type"], change["object_id"])
            if key not in objects:
                objects[key] = _Object(*key, seen_before=_admits(change["audience_before"], viewer))
            objects[key].seq, objects[key].at = change["seq"], change["at"]
        deliveries = _deliveries(endpoint, sorted(objects.values(), key=lambda o: o.seq))
        WebhookDelivery.objects.bulk_create(deliveries, ignore_conflicts=True)
        cursor = changes[-1]["seq"] if len(changes) == BATCH else top
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(cursor=max(cursor, endpoint.cursor))
        stored = endpoint.deliveries.filter(seq__in=[d.seq for d in deliveries]).order_by("seq")
        for delivery_id in stored.values_list("pk", flat=True):
            deliver_webhook.enqueue(delivery_id)  # with the rows: none is stored without its job
        return len(changes) == BATCH


def _deliveries(endpoint: WebhookEndpoint, objects: list[_Object]) -> list[WebhookDelivery]:
    viewer = endpoint.viewer
    keys: dict[str, list[str]] = defaultdict(list)
    for obj in objects:
        keys[obj.type_name].append(obj.key)
    rows = {
        type_name: visible_rows(Shape.of(entry_for_type(type_name)), viewer, type_keys, {})
        for type_name, type_keys in keys.items()
    }
    deliveries = []
    for obj in objects:
        shape = Shape.of(entry_for_type(obj.type_name))
        row = rows[obj.type_name].get(obj.key)
        action = event_action(seen_before=obj.seen_before, seen_now=row is not None)
        event_type = f"{obj.type_name}.{action}"
        if action is None or not subscribes(endpoint.event_types, event_type):
            continue
        deliveries.append(
            WebhookDelivery(
                endpoint=endpoint,
                seq=obj.seq,
                event_type=event_type,
                object_type=obj.type_name,
                object_id=obj.key,
                payload={
                    "type": event_type,
                    "timestamp": utc_seconds(obj.at),
                    "data": _data(shape, obj.key, row),
                },
            )
        )
    return deliveries


def _data(shape: Shape, key: str, row: list | None) -> dict:
    """The object as the viewer sees it, or only its id when it left their sight."""
    if row is None:
        return {shape.key_name: int(key) if key.isdigit() else key}  # a primary key, or a country code
    return dict(zip(shape.names, row, strict=True))


def _admits(audience: str, viewer) -> bool:
    """Whether an audience as the feed stores it admits `viewer`; "" (no object yet) admits nobody."""
    return bool(audience) and Audience.decode(audience).admits(viewer)
