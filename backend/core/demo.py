"""Helpers for the apps' `demo.load()` functions: upserts that leave unchanged rows alone.

Loading the demo twice must not duplicate anything, and it should not bump versions or
write audit entries for rows that already hold the demo values, so that a second run
leaves ETags, offline replicas and the change feed untouched.
"""

from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from django.db import models
from django.utils import timezone

from .translations import machine_made

M = TypeVar("M", bound=models.Model)

EXAMPLE = "(example data)"
# When the shipped machine-made translations were written: fixed, so a second load changes nothing.
TRANSLATED_AT = "2026-12-06T00:00:00Z"


def _same(field: models.Field, current, wanted) -> bool:
    if field.is_relation:
        wanted_pk = wanted.pk if isinstance(wanted, models.Model) else wanted
        return current == wanted_pk
    return field.get_prep_value(current) == field.get_prep_value(wanted)


def upsert(model: type[M], lookup: dict, **values) -> M:
    """Find the row by its natural key `lookup`; create it, or save only the fields that differ."""
    obj = model._base_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        return obj
    changed = []
    for name, wanted in values.items():
        field = model._meta.get_field(name)
        current = getattr(obj, field.attname)
        if not _same(field, current, wanted):
            setattr(obj, name, wanted)
            changed.append(name)
    if changed:
        obj.save()
    return obj


def machine_translations(model: type[models.Model], values: dict, by_language: dict) -> dict:
    """The stored form of shipped machine-made translations of an object holding `values`."""
    sources = {name: values.get(name, "") for name in model.translated_fields}
    return machine_made(sources, by_language, written_at=TRANSLATED_AT)


def days_ago(days: int) -> datetime:
    """Midnight UTC `days` before today: stable within a day, so re-running the demo changes nothing."""
    today = timezone.now().astimezone(UTC).date()
    return datetime.combine(today - timedelta(days=days), time.min, tzinfo=UTC)


def date_days_ago(days: int) -> date:
    return days_ago(days).date()
