"""HSDS identifiers: every object served as Open Referral HSDS has a UUID, stable across requests.

An organization, a service (a contact point) or a service at a location (an office) is addressed by its UUID
(`/api/hsds/services/{id}`), so its id must lead back to the row. A name-based UUID (uuid5)
cannot be read back without a stored column; a UUIDv8 (RFC 9562, "custom") can: it carries a
fixed project tag, the kind of object and its primary key. Python 3.14's `uuid.uuid8(a, b, c)`
lays out these fields; the few lines below do the same on the Python we run. Any UUID that is
not one of ours, or not of the kind asked for, names nothing (404).

The parts of an object that have no address of their own (its phones, languages, schedules,
service areas) get name-based UUIDs (uuid5) under their owner's id: stable, and never read back.
"""

from enum import IntEnum
from uuid import UUID, uuid5

# "Waypnt" in ASCII: the 48 bits that mark a UUID as one of ours.
PROJECT_TAG = 0x576179706E74
CUSTOM_C_BITS = 62


class Kind(IntEnum):
    """The kind of object a UUID names (12 bits)."""

    ORGANIZATION = 1
    SERVICE = 2
    SERVICE_AT_LOCATION = 3


def _uuid8(a: int, b: int, c: int) -> UUID:
    """RFC 9562 UUIDv8: 48 bits `a`, version 8, 12 bits `b`, the RFC variant, 62 bits `c`."""
    value = (a << 80) | (8 << 76) | (b << 64) | (0b10 << CUSTOM_C_BITS) | c
    return UUID(int=value)


def object_id(kind: Kind, pk: int) -> UUID:
    """The UUID of an object of `kind` with primary key `pk`."""
    if not 0 < pk < 1 << CUSTOM_C_BITS:
        raise ValueError(f"Primary key out of range: {pk}")
    return _uuid8(PROJECT_TAG, kind, pk)


def primary_key(kind: Kind, value: UUID) -> int | None:
    """The primary key a UUID of `kind` names, or None when it is not one of ours of that kind."""
    number = value.int
    if value.version != 8 or number >> 80 != PROJECT_TAG or (number >> 64) & 0xFFF != kind:
        return None
    return number & ((1 << CUSTOM_C_BITS) - 1)


def part_id(owner: UUID, part: str) -> UUID:
    """The UUID of a part of an object (a phone, a language, a schedule), named by `part`."""
    return uuid5(owner, part)
