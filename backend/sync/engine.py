"""Snapshots and deltas of what one viewer may see, computed from the registry and the change feed.

Snapshot: every synced type in registry order, each read through `visible_to(viewer)` in
primary-key order and represented as rows of its synced fields (`shape.Shape`), paged by
`limit` objects. The
feed head is read before the first page; once the last page is out, the replica
continues with the changes after that head. Objects changed while the snapshot was paged
may come twice; every row carries the object's current state, so applying a row again
is harmless.

Delta: the feed entries after the cursor whose audience before or after the change
admits the viewer (`ChangeQuerySet.seen_by`), grouped per object and ordered by each
object's latest entry. Every object in the page is looked up again through
`visible_to(viewer)`: found, it is a row with its current state; not found (deleted,
visibility lowered, compromised, moved out of reach) it is a deletion.

On the wire a page holds one block per type (parents first): the type's field names once,
its rows, the ids it deletes. A page names each object at most once, so the order of the
blocks does not matter to a replica keyed by (type, id). An object the
viewer never could see has no entry admitting them and so never produces a tombstone.

Everything else that decides what a viewer sees (memberships, roles, the account
itself) is captured by the viewer fingerprint in the cursor: when it differs, the
replica is rebuilt from a snapshot, and so it is when the cursor is older than the
compaction watermark or was issued for another shape of the synced data.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, Value

from changes.feed import pruned_past, watermark
from changes.models import Change
from changes.registry import entry_for_type, schema_digest, synced_entries
from core.errors import if_none_match_hits
from core.viewer import Viewer

from .cursor import Cursor
from .shape import Shape
from .slots import snapshot_slot

DEFAULT_LIMIT = 1000
MAX_LIMIT = 5000
LOOKUP_CHUNK = 900  # keeps `IN (...)` lists under every database's parameter limit


class ResetReason:
    NO_CURSOR = "no_cursor"
    ACCESS_CHANGED = "access_changed"
    CURSOR_EXPIRED = "cursor_expired"
    SCHEMA_CHANGED = "schema_changed"

    choices = [
        (NO_CURSOR, "No cursor was given: this is the first sync."),
        (ACCESS_CHANGED, "What you may see changed (membership, role or account)."),
        (CURSOR_EXPIRED, "The cursor is older than the retained history."),
        (SCHEMA_CHANGED, "The synced types or their fields changed since the cursor was issued."),
    ]


@dataclass
class SyncPage:
    cursor: Cursor
    reset: bool
    reset_reason: str | None
    has_more: bool
    changes: list[dict] = field(default_factory=list)  # one block per type, see `Blocks`
    etag: str | None = None
    not_modified: bool = False

    @property
    def body(self) -> dict:
        return {
            "cursor": self.cursor.encode(),
            "reset": self.reset,
            "reset_reason": self.reset_reason,
            "has_more": self.has_more,
            "changes": self.changes,
        }


def etag_for(viewer: Viewer, schema: str, seen: int) -> str:
    """Names the state of one viewer's view: same viewer, access, shape and last relevant entry."""
    raw = f"{viewer.user_id}|{viewer.fingerprint}|{schema}|{seen}"
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


class SyncEngine:
    def __init__(self, viewer: Viewer, *, limit: int = DEFAULT_LIMIT, context: dict | None = None):
        self.viewer = viewer
        self.limit = limit
        self.context = context or {}
        self.entries = synced_entries()
        self.type_names = [entry.type_name for entry in self.entries]
        self.schema = schema_digest()

    # -- entry point -------------------------------------------------------------------------

    def page(self, cursor: Cursor | None, if_none_match: str | None = None) -> SyncPage:
        if cursor is None:
            return self._snapshot_start(ResetReason.NO_CURSOR)
        if cursor.fingerprint != self.viewer.fingerprint:
            return self._snapshot_start(ResetReason.ACCESS_CHANGED)
        if cursor.schema != self.schema or (
            cursor.in_snapshot and cursor.snapshot_type not in self.type_names
        ):
            return self._snapshot_start(ResetReason.SCHEMA_CHANGED)
        if cursor.in_snapshot:
            if cursor.position < watermark():
                return self._snapshot_start(ResetReason.CURSOR_EXPIRED)
            return self._snapshot(cursor.position, cursor.snapshot_type, cursor.snapshot_after, reason=None)
        return self._delta(cursor, if_none_match)

    # -- snapshot ----------------------------------------------------------------------------

    def _snapshot_start(self, reason: str) -> SyncPage:
        start = self._feed_top()
        # The snapshot continues with the changes after `start`; it must not lie below the watermark.
        start = max(start, watermark())
        return self._snapshot(start, self.type_names[0] if self.type_names else None, None, reason=reason)

    def _snapshot(self, start: int, type_name: str | None, after, *, reason: str | None) -> SyncPage:
        with snapshot_slot():
            return self._snapshot_page(start, type_name, after, reason=reason)

    def _snapshot_page(self, start: int, type_name: str | None, after, *, reason: str | None) -> SyncPage:
        blocks = Blocks()
        remaining = self.limit
        next_type, next_after = None, None
        first = self.type_names.index(type_name) if type_name is not None else len(self.entries)
        for index in range(first, len(self.entries)):
            entry = self.entries[index]
            queryset = entry.visible_to(self.viewer).order_by("pk")
            if index == first and after is not None:
                queryset = queryset.filter(pk__gt=after)
            shape = Shape.of(entry)
            rows = shape.rows(queryset[: remaining + 1], self.viewer, self.context)
            page = rows[:remaining]
            blocks.upsert(shape, [row for _, row in page])
            remaining -= len(page)
            if len(rows) > len(page):
                next_type, next_after = entry.type_name, _json_key(page[-1][0])
                break
            if remaining == 0:
                if index + 1 < len(self.entries):
                    next_type = self.entries[index + 1].type_name
                break
        has_more = next_type is not None
        cursor = self._cursor(
            position=start,
            seen=start,
            snapshot_type=next_type,
            snapshot_after=next_after if has_more else None,
        )
        return SyncPage(
            cursor=cursor,
            reset=reason is not None,
            reset_reason=reason,
            has_more=has_more,
            changes=blocks.as_list(self.type_names),
            etag=None if has_more else etag_for(self.viewer, self.schema, start),
        )

    # -- delta -------------------------------------------------------------------------------

    def _relevant(self, after: int):
        return Change.objects.filter(seq__gt=after, object_type__in=self.type_names).seen_by(self.viewer)

    def _moved_since(self, position: int) -> bool:
        """Whether an entry for this viewer follows `position` or the feed was pruned past it.

        One statement (UNION ALL, stopping at the first row), so that a sync with nothing new
        costs authentication, the viewer's memberships and this probe. Both parts read one
        snapshot of the database, so a prune racing the probe cannot hide an entry it deleted.
        """
        one = Value(1)
        pruned = pruned_past(position).values_list(one)
        return pruned.union(self._relevant(position).values_list(one), all=True).exists()

    def _delta(self, cursor: Cursor, if_none_match: str | None) -> SyncPage:
        etag = etag_for(self.viewer, self.schema, cursor.seen)
        if if_none_match_hits(if_none_match, etag) and not self._moved_since(cursor.position):
            return SyncPage(
                cursor=cursor,
                reset=False,
                reset_reason=None,
                has_more=False,
                etag=etag,
                not_modified=True,
            )
        top = self._feed_top()
        rows = list(
            self._relevant(cursor.position)
            .filter(seq__lte=top)
            .values("object_type", "object_id")
            .annotate(last=Max("seq"))
            .order_by("last")[: self.limit + 1]
        )
        if cursor.position < watermark():
            return self._snapshot_start(ResetReason.CURSOR_EXPIRED)
        has_more = len(rows) > self.limit
        rows = rows[: self.limit]
        position = rows[-1]["last"] if has_more else max(top, cursor.position)
        seen = rows[-1]["last"] if rows else cursor.seen
        return SyncPage(
            cursor=self._cursor(position=position, seen=seen),
            reset=False,
            reset_reason=None,
            has_more=has_more,
            changes=self._resolve(rows),
            etag=None if has_more else etag_for(self.viewer, self.schema, seen),
        )

    def _resolve(self, rows: list[dict]) -> list[dict]:
        """Current state of each object in the page, or its deletion if the viewer cannot see it now."""
        keys_by_type: dict[str, list[str]] = defaultdict(list)
        for row in rows:
            keys_by_type[row["object_type"]].append(row["object_id"])
        blocks = Blocks()
        for type_name, keys in keys_by_type.items():
            shape = Shape.of(entry_for_type(type_name))
            current = visible_rows(shape, self.viewer, keys, self.context)
            blocks.upsert(shape, [current[key] for key in keys if key in current])
            blocks.delete(shape, [key for key in keys if key not in current])
        return blocks.as_list(self.type_names)

    # -- helpers -----------------------------------------------------------------------------

    def _feed_top(self) -> int:
        return Change.objects.aggregate(top=Max("seq"))["top"] or 0

    def _cursor(self, **fields) -> Cursor:
        return Cursor(
            user_id=self.viewer.user_id, fingerprint=self.viewer.fingerprint, schema=self.schema, **fields
        )


def visible_rows(shape: Shape, viewer: Viewer, keys: list[str], context: dict) -> dict[str, list]:
    """The current row of each object named by `keys` that `viewer` may see now, by key.

    A key without a row is an object the viewer cannot see (any more): deleted, hidden or moved
    out of reach. Sync answers it as a deletion; so do webhooks (webhooks/fanout.py).
    """
    entry = shape.entry
    current: dict[str, list] = {}
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start : start + LOOKUP_CHUNK]
        queryset = entry.visible_to(viewer).filter(**entry.lookup(chunk))
        for _, values in shape.rows(queryset, viewer, context):
            current[shape.key(values)] = values
    return current


class Blocks:
    """A page's changes as one block per type: field names once, then rows, then deleted ids."""

    def __init__(self):
        self._by_type: dict[str, dict] = {}

    def _block(self, shape: Shape) -> dict:
        type_name = shape.entry.type_name
        if type_name not in self._by_type:
            self._by_type[type_name] = {
                "type": type_name,
                "key": shape.key_name,
                "fields": shape.names,
                "rows": [],
                "deleted": [],
            }
        return self._by_type[type_name]

    def upsert(self, shape: Shape, rows: list[list]) -> None:
        if rows:
            self._block(shape)["rows"].extend(rows)

    def delete(self, shape: Shape, keys: list[str]) -> None:
        if keys:
            self._block(shape)["deleted"].extend(keys)

    def as_list(self, type_order: list[str]) -> list[dict]:
        return [self._by_type[name] for name in type_order if name in self._by_type]


def _json_key(pk):
    return pk if isinstance(pk, int) else str(pk)
