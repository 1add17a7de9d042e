"""A unique constraint that refused a write, read back from the database's error.

Serializers check uniqueness before writing, but two requests can both pass that check
before either commits; the database's constraint then refuses the second. Neither Django
nor DRF maps that `IntegrityError` back to the fields it is about, so this does, from what
each database reports: PostgreSQL names the constraint and the key's columns, SQLite the
columns (or, for a constraint over expressions, its name).
"""

import re

from django.apps import apps
from django.db import IntegrityError, models
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status

PG_UNIQUE_VIOLATION = "23505"
PG_KEY_COLUMNS = re.compile(r"Key \((?P<columns>[^)]*)\)=")
SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (?P<names>.+)")
SQLITE_INDEX = re.compile(r"index '(?P<name>[^']+)'")


class UniqueRace(exceptions.APIException):
    """Another write took the value first: 409, one entry per field of the constraint."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "unique"
    problem_kind = "conflict"
    message = gettext_lazy("Another request has just saved this value; choose another or reload.")

    def __init__(self, fields: tuple[str, ...]):
        super().__init__({name: [self.message] for name in fields} if fields else [self.message])


def unique_race(exc: IntegrityError) -> UniqueRace | None:
    """The conflict `exc` reports when a unique constraint refused the write, else None."""
    cause = exc.__cause__
    diag = getattr(cause, "diag", None)
    if diag is not None:
        if getattr(cause, "sqlstate", None) != PG_UNIQUE_VIOLATION:
            return None
        key = PG_KEY_COLUMNS.match(diag.message_detail or "")
        columns = key["columns"].split(", ") if key else []
        return UniqueRace(_fields(diag.table_name, diag.constraint_name, columns))
    refused = SQLITE_UNIQUE.match(str(exc))
    if refused is None:
        return None
    names = refused["names"]
    if index := SQLITE_INDEX.fullmatch(names):
        return UniqueRace(_fields(None, index["name"], []))
    pairs = [name.split(".", 1) for name in names.split(", ")]
    return UniqueRace(_fields(pairs[0][0], None, [column for _, column in pairs]))


def _fields(table: str | None, constraint: str | None, columns: list[str]) -> tuple[str, ...]:
    """The API names of the model fields a constraint covers (empty when it cannot be told)."""
    for model in apps.get_models():
        if table is not None and model._meta.db_table != table:
            continue
        for declared in model._meta.constraints:
            if (
                isinstance(declared, models.UniqueConstraint)
                and declared.name == constraint
                and declared.fields
            ):
                return tuple(declared.fields)
        if table is not None:
            by_column = {field.column: field.name for field in model._meta.concrete_fields}
            return tuple(by_column[column] for column in columns if column in by_column)
    return ()
