"""Records every save and delete of a tracked model into the feed, inside the same transaction.

Signals rather than explicit calls so that the API, the Django admin, management
commands and services all feed the audit log the same way. Receivers are connected per
tracked model by `registry.track()`, so untracked models (the feed itself included) pay
nothing and can be bulk-deleted.

Writes that bypass `save()`/`delete()` (`QuerySet.update()`, `bulk_create()`) are not
recorded: domain code must not use them on tracked models.
"""

import copy
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from core.visibility import encode_owners

from .feed import lock_feed
from .middleware import current_actor
from .models import Change
from .registry import Tracked, entry_for

MAX_DEPENDENT_DEPTH = 3


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


def _owner_ids(entry: Tracked, obj) -> set[int]:
    return set(entry.owners(obj))


def _write(obj, **values) -> None:
    """Append one entry. Feed writers are serialized (see `lock_feed`), so a sequence
    number becomes visible only after every smaller one has committed or rolled back."""
    using = obj._state.db or "default"
    with transaction.atomic(using=using, savepoint=False):
        lock_feed(using)
        Change.objects.using(using).create(actor=current_actor(), **values)


def _lock_feed_before_statement(instance) -> None:
    """The feed lock before the row's own statement, in the one lock order (core/locks.py).

    Only inside a transaction: in autocommit (a shell, a script) the statement commits at once
    and holds no row lock to order, and `_write` takes the feed lock for its own entry.
    """
    using = instance._state.db or "default"
    if transaction.get_connection(using).in_atomic_block:
        lock_feed(using)


def _record(entry: Tracked, obj, action: str, fields: dict, before: str, after: str, owners) -> None:
    _write(
        obj,
        object_type=entry.type_name,
        object_id=entry.key(obj),
        action=action,
        fields=fields,
        audience_before=before,
        audience_after=after,
        owners=encode_owners(owners),
    )


def _as_before(child, parent, old_parent):
    """A copy of `child` whose foreign keys to `parent` point at the parent's earlier state,
    or None when the child does not refer to the parent directly."""
    concrete = parent._meta.concrete_model
    links = [
        f
        for f in child._meta.concrete_fields
        if f.many_to_one
        and f.related_model is not None
        and f.related_model._meta.concrete_model is concrete
        and getattr(child, f.attname) == parent.pk
    ]
    if not links:
        return None
    twin = copy.copy(child)
    twin._state = copy.copy(child._state)
    twin._state.fields_cache = dict(child._state.fields_cache)
    for link in links:
        link.set_cached_value(twin, old_parent)
    return twin


def _touch_dependents(entry: Tracked, obj, old_obj, changed: set[str] | None, depth: int = 0) -> None:
    """Record the dependents of a changed object so sync re-sends and re-evaluates them.

    Only dependents that read a changed field (`changed`; None when the object's audience
    moved, which every dependent follows) are recorded: a parent's edit that no child shows
    writes one entry, not one per child. A child's audience before the change is computed
    exactly, against the parent's earlier state, so a viewer who never could see the child
    receives no tombstone for it. Children reached indirectly fall back to the parent's
    earlier audience, which bounds theirs (docs/design.md rule 1: never more visible than
    the parent); their own dependents are recorded when their audience moved.
    """
    if depth >= MAX_DEPENDENT_DEPTH:
        return
    for child in entry.dependents(obj, changed):
        child_entry = entry_for(type(child))
        if child_entry is None:
            continue
        twin = _as_before(child, obj, old_obj)
        before = (child_entry.audience(twin) if twin is not None else entry.audience(old_obj)).encode()
        after = child_entry.audience(child).encode()
        _record(child_entry, child, Change.Action.UPDATE, {}, before, after, _owner_ids(child_entry, child))
        moved = None if before != after else set()
        _touch_dependents(child_entry, child, twin if twin is not None else child, moved, depth + 1)


def _any_column_changed(old, new) -> bool:
    return any(f.value_from_object(old) != f.value_from_object(new) for f in new._meta.concrete_fields)


def remember_before(sender, instance, raw=False, **kwargs):
    entry = entry_for(sender)
    if entry is None or raw:
        return
    _lock_feed_before_statement(instance)
    if instance.pk is None or instance._state.adding:
        return
    old = sender._base_manager.using(instance._state.db).filter(pk=instance.pk).first()
    if old is not None:
        instance._change_before = (
            _snapshot(entry, old),
            entry.audience(old).encode(),
            _owner_ids(entry, old),
            old,
        )


def record_save(sender, instance, created, raw=False, **kwargs):
    entry = entry_for(sender)
    if entry is None or raw:
        return
    after = _snapshot(entry, instance)
    audience_after = entry.audience(instance).encode()
    owners = _owner_ids(entry, instance)
    if created:
        fields = {k: [None, v] for k, v in after.items()}
        _record(entry, instance, Change.Action.CREATE, fields, "", audience_after, owners)
        return
    remembered = instance.__dict__.pop("_change_before", None)
    if remembered is None:  # saved with an explicit pk that did not exist: a create in disguise
        fields = {k: [None, v] for k, v in after.items()}
        _record(entry, instance, Change.Action.CREATE, fields, "", audience_after, owners)
        return
    old, audience_before, old_owners, old_instance = remembered
    diff = {k: [old.get(k), v] for k, v in after.items() if old.get(k) != v}
    moved = audience_before != audience_after
    if not diff and not moved:
        # Nothing audited changed, but a version or timestamp may have: the object's
        # representation did, so replicas must receive it (recorded with no fields).
        if not _any_column_changed(old_instance, instance):
            return
        _record(
            entry, instance, Change.Action.UPDATE, {}, audience_before, audience_after, owners | old_owners
        )
        return
    _record(entry, instance, Change.Action.UPDATE, diff, audience_before, audience_after, owners | old_owners)
    _touch_dependents(entry, instance, old_instance, None if moved else set(diff))


def remember_delete(sender, instance, **kwargs):
    entry = entry_for(sender)
    if entry is not None:
        _lock_feed_before_statement(instance)
        instance._change_deleted = (
            _snapshot(entry, instance),
            entry.audience(instance).encode(),
            _owner_ids(entry, instance),
        )


def record_delete(sender, instance, **kwargs):
    entry = entry_for(sender)
    if entry is None:
        return
    old, audience_before, owners = instance.__dict__.pop("_change_deleted", ({}, "", set()))
    fields = {k: [v, None] for k, v in old.items()}
    _record(entry, instance, Change.Action.DELETE, fields, audience_before, "", owners)


def connect(model) -> None:
    """Feed the changes of `model` into the feed (called by `registry.track`)."""
    uid = f"changes.feed.{model._meta.label_lower}"
    pre_save.connect(remember_before, sender=model, dispatch_uid=f"{uid}.pre_save")
    post_save.connect(record_save, sender=model, dispatch_uid=f"{uid}.post_save")
    pre_delete.connect(remember_delete, sender=model, dispatch_uid=f"{uid}.pre_delete")
    post_delete.connect(record_delete, sender=model, dispatch_uid=f"{uid}.post_delete")
