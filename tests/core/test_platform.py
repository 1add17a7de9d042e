"""The platform around the API: health, documentation pages, settings, logs and caching.

Some of these start the real programs (manage.py, the development server, gunicorn) in a
subprocess, because what is checked is how they behave on start-up and on the wire.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from rest_framework.test import APIClient

from tests.servers import free_port
from waypoint.settings import env

ROOT = Path(__file__).resolve().parents[2]
MANAGE = ROOT / "backend" / "manage.py"


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh deployment: no settings from this shell, files in tmp_path."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL"}
    }
    environ["WAYPOINT_VAR_DIR"] = str(tmp_path / "var")
    environ.update(extra)
    return environ


def run(args: list[str], environ: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], env=environ, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def serve(args: list[str], environ: dict[str, str], port: int, paths: list[str]) -> tuple[dict, str]:
    """Start a server, GET each path once it listens, stop it; answers by path and all it logged."""
    process = subprocess.Popen(
        args, env=environ, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    answers = {}
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"server did not start:\n{process.stdout.read()}") from None
                time.sleep(0.2)
        for path in paths:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": "localhost"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    answers[path] = (response.status, response.read().decode())
            except urllib.error.HTTPError as error:
                answers[path] = (error.code, error.read().decode())
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    return answers, output


# ---------------------------------------------------------------------------
# Health
# ---------------------------------------------------------------------------
def test_healthz_answers_ok_while_the_database_answers(api, db):
    response = api.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_healthz_answers_503_and_logs_no_client_address_when_the_database_is_down(tmp_path):
    port = free_port()
    environ = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="waypoint.settings.base",
        # Nothing listens on the discard port: every connection is refused.
        DATABASE_URL="postgres://waypoint@127.0.0.1:9/waypoint",
    )
    answers, output = serve(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "waypoint.wsgi:application",
            "--chdir",
            str(ROOT / "backend"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        environ,
        port,
        ["/healthz"],
    )
    status, body = answers["/healthz"]
    assert status == 503
    assert '"status": "unavailable"' in body
    assert "127.0.0.1 " not in output and '"GET /healthz' not in output, output


def test_the_development_server_logs_no_client_address(tmp_path):
    port = free_port()
    environ = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="waypoint.settings.base")
    assert run([str(MANAGE), "migrate", "--noinput"], environ).returncode == 0
    search = "/api/v1/organizations/?q=deserter-in-transit"
    answers, output = serve(
        [sys.executable, str(MANAGE), "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        environ,
        port,
        ["/healthz", search, "/no-such-page"],
    )
    assert answers["/healthz"][0] == 200
    assert answers[search][0] == 200
    assert answers["/no-such-page"][0] == 404
    # Only the start-up banner names an address: the server's own. No request lines, no searches.
    logged = [line for line in output.splitlines() if "Starting development server" not in line]
    assert not [line for line in logged if "127.0.0.1" in line or '"GET ' in line], output
    assert "deserter-in-transit" not in output


# ---------------------------------------------------------------------------
# API documentation pages
# ---------------------------------------------------------------------------
class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("src", "href"):
            if attributes.get(name) and tag in ("script", "link", "img", "iframe"):
                self.urls.append(attributes[name])


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_api_docs_load_everything_from_this_origin(path, db):
    # A fresh client, so that WhiteNoise is built under these settings and serves from the apps.
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        client = APIClient()
        response = client.get(path)
        assert response.status_code == 200
        page = response.content.decode()
        parser = _References()
        parser.feed(page)
        assert parser.urls, page
        for url in parser.urls:
            assert url.startswith("/") and not url.startswith("//"), f"{path} loads {url} from elsewhere"
            assert client.get(url).status_code == 200, f"{path} refers to {url}, which is not served"
    assert not re.search(r"https?://(?!127\.0\.0\.1|localhost)", page.split("<body", 1)[0]), page
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "img-src 'self' data:" in csp


def test_the_schema_is_served_for_tools(api, db):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Waypoint API"


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------
def test_production_settings_pass_the_deployment_checks_without_warnings(tmp_path):
    environ = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="waypoint.settings.production",
        SECRET_KEY="x7Lq-" + "production-test-key-9fK2mZpR4tW8vY1nB6cH3jD5sG0aE" * 2,
        ALLOWED_HOSTS="waypoint.example.org",
    )
    result = run([str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"], environ)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    environ = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="waypoint.settings.production")
    result = run([str(MANAGE), "check"], environ)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert not (tmp_path / "var" / "secret_key").exists()


def test_development_generates_a_private_secret_key_once_in_var(tmp_path):
    environ = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="waypoint.settings.base")
    show_key = [
        "-c",
        "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)",
    ]
    environ["PYTHONPATH"] = str(ROOT / "backend")
    first = run(show_key, environ)
    second = run(show_key, environ)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "var" / "secret_key"
    assert first.stdout.strip() == second.stdout.strip() == key_file.read_text().strip()
    assert len(first.stdout.strip()) >= 50
    assert key_file.stat().st_mode & 0o777 == 0o600
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "var/" in ignored


def test_every_setting_read_from_the_environment_is_documented_in_the_readme():
    sources = "".join(path.read_text() for path in (ROOT / "backend" / "waypoint" / "settings").glob("*.py"))
    names = set(re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z0-9_]+)\"", sources))
    assert "SECRET_KEY" in names
    readme = (ROOT / "README.md").read_text()
    assert not sorted(name for name in names if f"`{name}`" not in readme)


@pytest.mark.parametrize(
    ("reader", "raw"),
    [
        (lambda: env.env_bool("WAYPOINT_TEST_KNOB"), "perhaps"),
        (lambda: env.env_int("WAYPOINT_TEST_KNOB", 1), "ten"),
    ],
)
def test_a_mistyped_setting_fails_loudly(reader, raw, monkeypatch):
    monkeypatch.setenv("WAYPOINT_TEST_KNOB", raw)
    with pytest.raises(ImproperlyConfigured, match="WAYPOINT_TEST_KNOB"):
        reader()


# ---------------------------------------------------------------------------
# Caching of authenticated answers
# ---------------------------------------------------------------------------
def test_authenticated_answers_are_never_stored(as_user, alice):
    response = as_user(alice).get("/api/v1/organizations/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]


def test_answers_to_a_bad_token_are_never_stored(api, db):
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    response = api.get("/api/v1/me/")
    assert response.status_code == 401
    assert "no-store" in response["Cache-Control"]
