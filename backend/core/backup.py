"""One file that holds a deployment's data: the database and the uploaded files.

A backup is a tar archive with a manifest (`waypoint-backup.json`), the database and the
media folder. PostgreSQL is dumped by its own `pg_dump -Fc` (a consistent snapshot taken
while the server runs, sequences included) and restored by `pg_restore --clean` in one
transaction; SQLite is copied with its online backup API, which is consistent while
others write. Uploads are kept under `media/` as they are stored.

Written here rather than taken from django-dbbackup: that package stores the database and
the media as two separate backups with no shared record of which belong together, and a
restore would then need the operator to pair them by time stamp.

Uploads in object storage (S3) are not the file system's to copy: back the bucket up with
its own versioning or replication (docs/operations.md).
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "waypoint-backup.json"
DATABASE = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA = "media"


class BackupError(Exception):
    """The backup cannot be written or restored here; the message says why."""


def _engine() -> str:
    vendor = connections["default"].vendor
    if vendor not in DATABASE:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _media_root() -> Path:
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            "Uploads are in object storage: back the bucket up with its own tools, then use --no-media."
        )
    return Path(settings.MEDIA_ROOT)


def _pg_environment() -> dict[str, str]:
    """libpq's variables for the configured database, so no password appears on a command line."""
    db = settings.DATABASES["default"]
    values = {"PGDATABASE": db["NAME"], "PGUSER": db.get("USER"), "PGPASSWORD": db.get("PASSWORD")}
    values |= {"PGHOST": db.get("HOST"), "PGPORT": str(db.get("PORT") or "")}
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(*command: str) -> None:
    try:
        # The programs are PostgreSQL's own, the arguments ours and the settings': nothing from a request.
        subprocess.run(command, env=_pg_environment(), check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client programs).") from exc
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{command[0]} failed: {exc.stderr.strip()}") from exc


def _dump_database(engine: str, target: Path) -> None:
    if engine == "postgresql":
        _run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}")
        return
    with sqlite3.connect(settings.DATABASES["default"]["NAME"]) as source, sqlite3.connect(target) as copy:
        source.backup(copy)


def _load_database(engine: str, dump: Path) -> None:
    connections.close_all()
    if engine == "postgresql":
        database = settings.DATABASES["default"]["NAME"]
        _run("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
             f"--dbname={database}", str(dump))  # fmt: skip
        return
    with sqlite3.connect(dump) as source, sqlite3.connect(settings.DATABASES["default"]["NAME"]) as live:
        source.backup(live)


def _migrations() -> dict[str, str]:
    """The latest applied migration of each app: what a restore needs the code to know."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connections["default"]).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return latest


def write_backup(path: Path, *, media: bool = True) -> dict:
    """Write the database and (unless `media` is false) the uploads to `path`; returns the manifest."""
    engine = _engine()
    media_root = _media_root() if media else None
    manifest = {
        "format": FORMAT,
        "engine": engine,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "migrations": _migrations(),
        "media": media,
    }
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATABASE[engine]
        _dump_database(engine, dump)
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, DATABASE[engine])
            if media_root is not None and media_root.exists():
                archive.add(media_root, MEDIA)
        partial.replace(path)  # never a half-written file under the backup's name
    return manifest


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as exc:
        raise BackupError("This is not a Waypoint backup (no manifest).") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Backup format {manifest.get('format')} is not known to this version.")
    return manifest


def restore_backup(path: Path) -> dict:
    """Replace the database and the uploads with those in the backup at `path`; returns its manifest."""
    engine = _engine()
    with tarfile.open(path, "r") as archive, tempfile.TemporaryDirectory() as work:
        manifest = read_manifest(archive)
        if manifest["engine"] != engine:
            raise BackupError(f"The backup holds a {manifest['engine']} database; this server uses {engine}.")
        media_root = _media_root() if manifest["media"] else None
        archive.extractall(work, filter="data")
        _load_database(engine, Path(work) / DATABASE[engine])
        if media_root is not None:
            shutil.rmtree(media_root, ignore_errors=True)
            saved = Path(work) / MEDIA
            if saved.exists():
                shutil.copytree(saved, media_root)
            else:
                media_root.mkdir(parents=True)
    return manifest
