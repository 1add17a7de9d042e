"""The embedded default, SQLite in a file, takes concurrent writers without "database is locked".

A live server on a fresh SQLite file, several threads writing at once: every write is answered
201 or 200, none 500. Deferred transactions (`ATOMIC_REQUESTS` with SQLite's default `BEGIN`)
failed here, since a reader upgrading to a writer gets no busy wait; `BEGIN IMMEDIATE`, WAL
and a busy timeout make writers queue instead.
"""

import json
import os
import subprocess
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from tests.browser.conftest import MANAGE, running_api
from tests.servers import free_port

WRITERS = 4
WRITES_EACH = 8
PASSWORD = "correct-horse-battery"


def send(origin: str, method: str, path: str, body: dict, token: str | None = None) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(origin + path, json.dumps(body).encode(), headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="starts its own API on a SQLite file; the SQLite pass runs it"
)
def test_parallel_writers_on_a_sqlite_file_get_no_500():
    var_dir = Path(tempfile.mkdtemp(prefix="waypoint-sqlite-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "waypoint.settings.base",
        "WAYPOINT_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'writers.sqlite3'}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "0",
        "DJANGO_SUPERUSER_USERNAME": "olga",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "DJANGO_SUPERUSER_EMAIL": "olga@example.org",
    }
    for step in (["migrate", "--no-input", "-v0"], ["createsuperuser", "--no-input"]):
        subprocess.run([*MANAGE, *step], env=env, check=True, capture_output=True, timeout=300)
    with running_api(env, free_port(), var_dir) as api:
        status, tokens = send(
            api.origin, "POST", "/api/v1/auth/token/", {"username": "olga", "password": PASSWORD}
        )
        assert status == 200

        def write(writer: int) -> list[int]:
            codes = []
            for n in range(WRITES_EACH):
                body = {"name": f"Shelter {writer}-{n} (example data)", "slug": f"shelter-{writer}-{n}"}
                code, created = send(api.origin, "POST", "/api/v1/organizations/", body, tokens["access"])
                codes.append(code)
                if code == 201:
                    path = f"/api/v1/organizations/{created['id']}/"
                    codes.append(
                        send(api.origin, "PATCH", path, {"description": "Edited."}, tokens["access"])[0]
                    )
            return codes

        with ThreadPoolExecutor(WRITERS) as pool:
            codes = [code for writer in pool.map(write, range(WRITERS)) for code in writer]
    assert codes.count(201) == codes.count(200) == WRITERS * WRITES_EACH, sorted(codes)
