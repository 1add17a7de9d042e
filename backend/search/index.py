"""Keeping the search index current: one entry per registered object, written with it.

Signals write an object's entry in the same transaction as the object (`post_save`,
`post_delete`), and rewrite the entries of rows whose indexed text follows a foreign key
(a contact point is found by its organization's name) when that related row's text
changes. Writes that bypass signals (`bulk_create`, `QuerySet.update()`) must call
`index_rows` themselves, as `core.generated` does; `rebuild` (and `manage.py
rebuild_search_index`) rewrites everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from core.translations import indexed_text

from . import registry
from .lexemes import lexemes
from .models import WEIGHTS, SearchEntry
from .registry import Searchable

BATCH = 2000


def _value(obj: models.Model, path: str) -> str:
    for part in path.split("__"):
        obj = getattr(obj, part, None)
        if obj is None:
            return ""
    # A JSON column indexed is a translatable object's translations: their texts, not their marks.
    return indexed_text(obj) if isinstance(obj, dict) else str(obj)


def entry_for(searchable: Searchable, obj: models.Model) -> SearchEntry:
    """The object's text as lexemes, one column per weight."""
    columns: dict[str, list[str]] = {weight: [] for weight in WEIGHTS}
    for path, weight in searchable.fields:
        columns[weight] += lexemes(_value(obj, path))
    return SearchEntry(
        kind=searchable.type_name,
        object_id=obj.pk,
        **{weight.lower(): " ".join(found) for weight, found in columns.items()},
    )


def index(searchable: Searchable, objects: Iterable[models.Model]) -> None:
    """Write (insert or replace) the entries of `objects`."""
    entries = [entry_for(searchable, obj) for obj in objects]
    SearchEntry.objects.bulk_create(
        entries,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=[weight.lower() for weight in WEIGHTS],
    )


def index_queryset(searchable: Searchable, queryset: models.QuerySet) -> None:
    queryset = queryset.select_related(*searchable.select_related).order_by("pk")
    last = None
    while True:
        batch = list((queryset if last is None else queryset.filter(pk__gt=last))[:BATCH])
        if not batch:
            return
        index(searchable, batch)
        last = batch[-1].pk


def index_rows(queryset: models.QuerySet) -> None:
    """Index every row of `queryset` for each type its model is registered as (after bulk writes)."""
    for searchable in registry.of_model(queryset.model):
        index_queryset(searchable, queryset)


def rebuild() -> None:
    """Rewrite the whole index from the registered models."""
    for type_name in registry.type_names():
        searchable = registry.get(type_name)
        SearchEntry.objects.filter(kind=type_name).delete()
        index_queryset(searchable, searchable.model._default_manager.all())


def follow(searchable: Searchable) -> None:
    """Connect the signals that keep `searchable`'s entries current."""
    uid = f"search:{searchable.type_name}"

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            index(searchable, [instance])

    def deleted(sender, instance, **kwargs):
        SearchEntry.objects.filter(kind=searchable.type_name, object_id=instance.pk).delete()

    post_save.connect(saved, sender=searchable.model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(deleted, sender=searchable.model, weak=False, dispatch_uid=f"{uid}:delete")
    for relation, fields in _related_fields(searchable).items():
        _follow_related(searchable, relation, fields, uid)


def _related_fields(searchable: Searchable) -> dict[str, list[str]]:
    """Indexed fields read through a foreign key, by that key: {"organization": ["name"]}."""
    related: dict[str, list[str]] = {}
    for path, _ in searchable.fields:
        if "__" in path:
            relation, field = path.split("__", 1)
            related.setdefault(relation, []).append(field)
    return related


def _follow_related(searchable: Searchable, relation: str, fields: list[str], uid: str) -> None:
    """Rewrite the entries that show a related row's fields when those fields change."""
    related_model = searchable.model._meta.get_field(relation).related_model
    uid = f"{uid}:{relation}"

    def before(sender, instance, raw=False, **kwargs):
        if raw or instance.pk is None:
            return
        instance._search_before = (
            related_model._default_manager.filter(pk=instance.pk).values_list(*fields).first()
        )

    def after(sender, instance, created=False, raw=False, **kwargs):
        if raw or created:
            return
        now = tuple(_value(instance, field) for field in fields)
        before_values = getattr(instance, "_search_before", None)
        if before_values is not None and tuple(str(v or "") for v in before_values) == now:
            return
        model = searchable.model._default_manager.filter(**{relation: instance})
        index_queryset(searchable, model)

    pre_save.connect(before, sender=related_model, weak=False, dispatch_uid=f"{uid}:before")
    post_save.connect(after, sender=related_model, weak=False, dispatch_uid=f"{uid}:after")
