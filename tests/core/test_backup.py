"""`manage.py backup` and `restore`: back up, wipe, restore, and find everything as it was.

Run on SQLite and on a PostgreSQL cluster of the test's own, against the demo network and
its uploaded attachments: row counts of every table, every sequence's position (so the next
object gets a fresh id, not one a restored row holds) and every uploaded file's content.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
from contextlib import nullcontext
from pathlib import Path

import pytest

from tests.servers import MANAGE, postgres

pytestmark = pytest.mark.stack

STATE = """
import hashlib, json
from pathlib import Path
from django.apps import apps
from django.conf import settings
from django.db import connection
with connection.cursor() as cursor:
    if connection.vendor == "postgresql":
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences")
    else:
        cursor.execute("SELECT name, seq FROM sqlite_sequence")
    sequences = dict(cursor.fetchall())
media = Path(settings.MEDIA_ROOT)
print(json.dumps({
    "rows": {m._meta.label: m._base_manager.count() for m in apps.get_models()},
    "sequences": sequences,
    "files": {str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest()
              for p in sorted(media.rglob("*")) if p.is_file()},
}))
"""


def manage(environ: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [*MANAGE, *args], env=environ, input=stdin, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_backup_restores_every_row_sequence_and_uploaded_file_after_a_wipe(tmp_path, engine):
    with postgres() if engine == "postgresql" else nullcontext() as server:
        database = server.create_database("waypoint") if server else f"sqlite:///{tmp_path / 'db.sqlite3'}"
        environ = {
            **{key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "SECRET_KEY"}},
            "DJANGO_SETTINGS_MODULE": "waypoint.settings.base",
            "DATABASE_URL": database,
            "WAYPOINT_VAR_DIR": str(tmp_path / "var"),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        manage(environ, "migrate", "--noinput")
        manage(environ, "load_demo")
        before = json.loads(manage(environ, "shell", "--verbosity", "0", "-c", STATE))
        assert before["files"], "the demo network has attachments"
        assert before["rows"]["organizations.Organization"] > 0
        archive = tmp_path / "waypoint.tar"

        manage(environ, "backup", str(archive))
        manage(environ, "flush", "--noinput")
        media = tmp_path / "var" / "media"
        for path in media.rglob("*"):
            if path.is_file():
                path.write_bytes(b"overwritten")
        (media / "stray.txt").write_text("not in the backup")
        wiped = json.loads(manage(environ, "shell", "--verbosity", "0", "-c", STATE))
        assert wiped != before

        assert (
            "Nothing was restored"
            in subprocess.run(
                [*MANAGE, "restore", str(archive)], env=environ, input="no\n", capture_output=True, text=True
            ).stderr
        )
        manage(environ, "restore", "--noinput", str(archive))
        assert json.loads(manage(environ, "shell", "--verbosity", "0", "-c", STATE)) == before


def test_a_backup_is_not_restored_into_another_kind_of_database(tmp_path):
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "waypoint.settings.base",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WAYPOINT_VAR_DIR": str(tmp_path / "var"),
    }
    manage(environ, "migrate", "--noinput")
    archive = tmp_path / "waypoint.tar"
    manage(environ, "backup", str(archive))
    # The same archive, claiming to hold PostgreSQL: a restore refuses.
    forged = tmp_path / "forged.tar"
    with tarfile.open(archive) as source, tarfile.open(forged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "waypoint-backup.json":
                manifest = json.load(data) | {"engine": "postgresql"}
                raw = json.dumps(manifest).encode()
                member.size = len(raw)
                data = io.BytesIO(raw)
            target.addfile(member, data)
    result = subprocess.run(
        [*MANAGE, "restore", "--noinput", str(forged)], env=environ, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "holds a postgresql database; this server uses sqlite" in result.stderr
