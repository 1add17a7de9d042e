"""The sync cursor: opaque to clients, signed so that it cannot be forged or borrowed.

A cursor records where a replica stands: the feed position through which it is complete,
the last position that mattered to its viewer (the basis of the ETag), and while a
snapshot is being paged, the type and primary key to continue after. It also records
whose replica it is (user id), what that user could see (the viewer fingerprint) and the
shape of the synced data (the registry's schema digest): when either of the last two
changes, the replica is rebuilt from a fresh snapshot.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.core import signing

SALT = "waypoint.sync.cursor"
VERSION = 1


class InvalidCursor(ValueError):
    """The cursor was not issued by this server for this caller."""


@dataclass(frozen=True)
class Cursor:
    user_id: int | None
    fingerprint: str
    schema: str
    position: int
    seen: int
    snapshot_type: str | None = None
    snapshot_after: int | str | None = None

    @property
    def in_snapshot(self) -> bool:
        return self.snapshot_type is not None

    def encode(self) -> str:
        return signing.dumps({"v": VERSION, **asdict(self)}, salt=SALT, compress=True)

    @classmethod
    def decode(cls, raw: str) -> Cursor:
        try:
            payload = signing.loads(raw, salt=SALT)
        except signing.BadSignature as exc:
            raise InvalidCursor(
                "This cursor was not issued by this server or was altered; sync again without a cursor."
            ) from exc
        if not isinstance(payload, dict) or payload.pop("v", None) != VERSION:
            raise InvalidCursor("This cursor is from an older version; sync again without a cursor.")
        try:
            cursor = cls(**payload)
        except TypeError as exc:
            raise InvalidCursor("This cursor is malformed; sync again without a cursor.") from exc
        if not isinstance(cursor.position, int) or not isinstance(cursor.seen, int):
            raise InvalidCursor("This cursor is malformed; sync again without a cursor.")
        return cursor
