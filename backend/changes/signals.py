"""Records every save and delete of a tracked model into the feed, inside the same transaction.

Signals rather than explicit calls so that the API, the Django admin, management
commands and services all feed the audit log the same way.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .middleware import current_actor
from .models import Change
from .registry import Tracked, entry_for


class _Encoder(DjangoJSONEncoder):
    def default(self, o):
        try:
            return super().default(o)
        except TypeError:
            return str(o)


def _json(value):
    return json.loads(json.dumps(value, cls=_Encoder))


def _snapshot(entry: Tracked, obj) -> dict:
    return {f.attname: _json(f.value_from_object(obj)) for f in entry.audited_fields()}


def _owners(entry: Tracked, obj) -> str:
    ids = sorted(entry.owners(obj))
    return "," + "".join(f"{i}," for i in ids) if ids else ""


def _record(entry: Tracked, obj, action: str, fields: dict, before: str, after: str) -> None:
    Change.objects.create(
        actor=current_actor(),
        object_type=entry.type_name,
        object_id=entry.key(obj),
        action=action,
        fields=fields,
        audience_before=before,
        audience_after=after,
        owners=_owners(entry, obj),
    )


def _touch_dependents(entry: Tracked, obj, parent_before: str) -> None:
    """Children inherit the parent's visibility: record them so sync re-evaluates them.

    The child's earlier audience is bounded by its parent's earlier one, which is what
    we record; a viewer outside that bound never held the child.
    """
    for child in entry.dependents(obj):
        child_entry = entry_for(type(child))
        if child_entry is not None:
            _record(child_entry, child, Change.Action.UPDATE, {}, parent_before, child_entry.audience(child).encode())


@receiver(pre_save)
def remember_before(sender, instance, raw=False, **kwargs):
    entry = entry_for(sender)
    if entry is None or raw or instance.pk is None or instance._state.adding:
        return
    old = sender._base_manager.filter(pk=instance.pk).first()
    if old is not None:
        instance._change_before = (_snapshot(entry, old), entry.audience(old).encode())


@receiver(post_save)
def record_save(sender, instance, created, raw=False, **kwargs):
    entry = entry_for(sender)
    if entry is None or raw:
        return
    after = _snapshot(entry, instance)
    audience_after = entry.audience(instance).encode()
    if created:
        _record(entry, instance, Change.Action.CREATE, {k: [None, v] for k, v in after.items()}, "", audience_after)
        return
    old, audience_before = getattr(instance, "_change_before", ({}, ""))
    instance.__dict__.pop("_change_before", None)
    diff = {k: [old.get(k), v] for k, v in after.items() if old.get(k) != v}
    if not diff and audience_before == audience_after:
        return
    _record(entry, instance, Change.Action.UPDATE, diff, audience_before, audience_after)
    if audience_before != audience_after:
        _touch_dependents(entry, instance, audience_before)


@receiver(pre_delete)
def remember_delete(sender, instance, **kwargs):
    entry = entry_for(sender)
    if entry is not None:
        instance._change_deleted = (_snapshot(entry, instance), entry.audience(instance).encode(), _owners(entry, instance))


@receiver(post_delete)
def record_delete(sender, instance, **kwargs):
    entry = entry_for(sender)
    if entry is None:
        return
    old, audience_before, owners = getattr(instance, "_change_deleted", ({}, "", ""))
    Change.objects.create(
        actor=current_actor(),
        object_type=entry.type_name,
        object_id=entry.key(instance),
        action=Change.Action.DELETE,
        fields={k: [v, None] for k, v in old.items()},
        audience_before=audience_before,
        audience_after="",
        owners=owners,
    )
