"""Reads a Chromium profile folder as whoever holds a seized phone could: every file, every encoding.

A plain byte search is not enough to prove that nothing readable is left, because Chromium
keeps text in forms a `grep` does not see:

- V8 serializes a one-byte string as Latin-1 and any other as UTF-16-LE; IndexedDB keys are
  UTF-16-BE; Local Storage keeps values as Latin-1 or UTF-16-LE; History keeps URLs
  percent-encoded.
- IndexedDB and Local Storage are LevelDB databases. Their table files (`.ldb`) compress each
  block with Snappy, where a repeated phrase becomes a back-reference, and their log files
  split records at 32 KiB block edges.
- Blink compresses large IndexedDB values with Snappy (a `FF 11 02` envelope) and moves the
  largest into blob files beside the database.
- The HTTP cache keeps bodies as they came over the wire, possibly gzip-encoded.

So the scanner searches the raw bytes of every file and, besides, the decompressed LevelDB
blocks, the reassembled log records and every Snappy- or gzip-compressed value inside them.
Decompression uses cramjam (Snappy and zstd) and zlib. The LevelDB file layout is parsed by
hand, and only as far as needed to find the values: the Python LevelDB bindings (plyvel and
the like) open a database through the C++ library, which refuses IndexedDB's databases (they
use Chromium's own key comparator) and skips deleted or overwritten entries, which are
exactly what a forensic read must see; the pure-Python forensic readers on PyPI are alpha
releases with pinned, old native dependencies.

Chromium 156 on Debian keeps IndexedDB in LevelDB (`IndexedDB/<origin>.indexeddb.leveldb`)
with blob files in `<origin>.indexeddb.blob/`; SQLite files (History, Web Data, Cookies) hold
text uncompressed, including in their free pages, so the raw search covers them.
"""

from __future__ import annotations

import contextlib
import re
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_plus

import cramjam

TABLE_MAGIC = 0xDB4775248B80FB57
LOG_BLOCK = 32768
BLINK_SNAPPY = b"\xff\x11\x02"  # kVersionTag, kRequiresProcessingSSVPseudoVersion, kCompressedWithSnappy
GZIP = b"\x1f\x8b\x08"
SEPARATOR = b"\n\x00\xff\x00\n"


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the profile folder
    secret: str
    encoding: str  # utf-8, latin-1, utf-16-le, utf-16-be, url
    layer: str  # raw, leveldb-log, leveldb-table, snappy-value, gzip

    def __str__(self) -> str:
        return f"{self.path}: {self.secret!r} ({self.encoding}, {self.layer})"


def encodings(secret: str) -> dict[str, bytes]:
    """Every byte form of a secret that Chromium may write, by name."""
    forms = {"utf-8": secret.encode(), "utf-16-le": secret.encode("utf-16-le")}
    forms["utf-16-be"] = secret.encode("utf-16-be")
    with contextlib.suppress(UnicodeEncodeError):  # not every secret has a Latin-1 form
        forms["latin-1"] = secret.encode("latin-1")
    for quoted in (quote(secret, safe=""), quote_plus(secret, safe="")):
        if quoted != secret:
            forms[f"url {quoted}"] = quoted.encode()
    unique: dict[str, bytes] = {}
    for name, form in forms.items():
        if form not in unique.values():
            unique[name] = form
    return unique


def scan(profile: Path, secrets: Iterable[str]) -> list[Finding]:
    """Every (file, secret) pair where the secret is readable, in any of its byte forms."""
    patterns = {secret: encodings(secret) for secret in secrets if secret}
    findings: list[Finding] = []
    for path in sorted(p for p in Path(profile).rglob("*") if p.is_file() and not p.is_symlink()):
        try:
            data = path.read_bytes()
        except OSError:  # a socket or a file that vanished while we walked
            continue
        seen: set[str] = set()
        for layer, buffer in layers(path, data):
            for secret, forms in patterns.items():
                if secret in seen:
                    continue
                for name, form in forms.items():
                    if form in buffer:
                        findings.append(Finding(str(path.relative_to(profile)), secret, name, layer))
                        seen.add(secret)
                        break
    return findings


def layers(path: Path, data: bytes) -> Iterator[tuple[str, bytes]]:
    """The file's raw bytes, then whatever is decoded from them, each layer's pieces joined.

    The separator keeps two neighbouring pieces from forming a secret between them.
    """
    yield "raw", data
    decoded: list[bytes] = []
    layer = ""
    if is_leveldb(path):
        if path.suffix in (".ldb", ".sst"):
            layer, decoded = "leveldb-table", list(table_entries(data))
        elif path.suffix == ".log":
            layer, decoded = "leveldb-log", list(log_entries(data))
    if decoded:
        yield layer, SEPARATOR.join(decoded)
    compressed = [value for buffer in [data, *decoded] for value in snappy_values(buffer)]
    if compressed:
        yield "snappy-value", SEPARATOR.join(compressed)
    if GZIP in data:
        yield "gzip", SEPARATOR.join(gzip_members(data))


def is_leveldb(path: Path) -> bool:
    return (path.parent / "CURRENT").is_file() and any(path.parent.glob("MANIFEST-*"))


# ---------------------------------------------------------------------------
# LevelDB (https://github.com/google/leveldb/blob/main/doc/table_format.md and log_format.md)
# ---------------------------------------------------------------------------
def varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def block_contents(data: bytes, offset: int, size: int) -> bytes:
    raw = data[offset : offset + size]
    kind = data[offset + size] if offset + size < len(data) else 0
    if kind == 1:
        return bytes(cramjam.snappy.decompress_raw(raw))
    if kind == 2:
        return bytes(cramjam.zstd.decompress(raw))
    return raw


def block_entries(block: bytes) -> Iterator[tuple[bytes, bytes]]:
    """Key and value of each entry, with each key's shared prefix restored."""
    restarts = struct.unpack_from("<I", block, len(block) - 4)[0]
    end = len(block) - 4 - 4 * restarts
    pos, key = 0, b""
    while pos < end:
        shared, pos = varint(block, pos)
        unshared, pos = varint(block, pos)
        length, pos = varint(block, pos)
        key = key[:shared] + block[pos : pos + unshared]
        pos += unshared
        yield key, block[pos : pos + length]
        pos += length


def table_entries(data: bytes) -> Iterator[bytes]:
    """Every key and value of a table file, including those of deleted or overwritten entries."""
    try:
        if len(data) < 48 or struct.unpack_from("<Q", data, len(data) - 8)[0] != TABLE_MAGIC:
            return
        pos = len(data) - 48
        _, pos = varint(data, pos)  # metaindex offset
        _, pos = varint(data, pos)  # metaindex size
        index_offset, pos = varint(data, pos)
        index_size, _ = varint(data, pos)
        for _, handle in block_entries(block_contents(data, index_offset, index_size)):
            offset, at = varint(handle, 0)
            size, _ = varint(handle, at)
            for key, value in block_entries(block_contents(data, offset, size)):
                yield key
                yield value
    except (ValueError, IndexError, struct.error, cramjam.DecompressionError):
        return  # a damaged or half-written table: the raw search still covers its bytes


def log_records(data: bytes) -> Iterator[bytes]:
    """Records of a log file, their fragments joined across 32 KiB blocks."""
    pos, pending = 0, b""
    while pos + 7 <= len(data):
        left = LOG_BLOCK - pos % LOG_BLOCK
        if left < 7:
            pos += left
            continue
        start = pos
        length, kind = struct.unpack_from("<HB", data, pos + 4)
        fragment = data[pos + 7 : pos + 7 + length]
        pos += 7 + length
        if kind == 1:  # full
            yield fragment
        elif kind == 2:  # first
            pending = fragment
        elif kind == 3:  # middle
            pending += fragment
        elif kind == 4:  # last
            yield pending + fragment
            pending = b""
        else:  # zero padding or a torn write: go on with the next block
            pos = start + LOG_BLOCK - start % LOG_BLOCK
    if pending:
        yield pending


def log_entries(data: bytes) -> Iterator[bytes]:
    """Every key and value written through a log file (write batches)."""
    for record in log_records(data):
        yield record
        try:
            pos = 12  # sequence number and count
            while pos < len(record):
                tag = record[pos]
                pos += 1
                length, pos = varint(record, pos)
                yield record[pos : pos + length]
                pos += length
                if tag == 1:
                    length, pos = varint(record, pos)
                    yield record[pos : pos + length]
                    pos += length
                elif tag != 0:
                    break
        except (ValueError, IndexError):
            continue


# ---------------------------------------------------------------------------
# Compressed values inside the buffers
# ---------------------------------------------------------------------------
def snappy_values(buffer: bytes) -> Iterator[bytes]:
    """Values Blink compressed with Snappy: from each envelope to the end of the buffer.

    A LevelDB value or a blob file ends where the compressed stream ends; the decoder rejects
    anything else, so an envelope in the middle of a raw file yields nothing (its decoded
    layers do).
    """
    for match in re.finditer(re.escape(BLINK_SNAPPY), buffer):
        try:
            yield bytes(cramjam.snappy.decompress_raw(buffer[match.end() :]))
        except cramjam.DecompressionError:
            continue


def gzip_members(data: bytes) -> Iterator[bytes]:
    for match in re.finditer(re.escape(GZIP), data):
        try:
            yield zlib.decompressobj(wbits=31).decompress(data[match.start() :], 1 << 26)
        except zlib.error:
            continue
