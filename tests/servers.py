"""Real servers for tests of the production stack and of outages: each test starts its own.

PostgreSQL (`initdb` into a temporary folder), Redis, gunicorn with the production settings,
the background worker, nginx with the project's templates and an SMTP server (aiosmtpd), all
on free loopback ports, so a test may stop, pause or restart them without touching anything
else on the machine. Each is a context manager that stops what it started.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANAGE = [sys.executable, str(ROOT / "backend" / "manage.py")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen | None = None, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
                raise AssertionError(f"nothing listens on port {port}") from None
            time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGCONT)  # a paused server cannot act on SIGTERM
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def require(program: str, *candidates: str) -> str:
    found = shutil.which(program) or next((c for c in candidates if os.access(c, os.X_OK)), None)
    if found is None:
        pytest.skip(f"{program} is not installed")
    return found


# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
class Postgres:
    """A cluster of its own. PostgreSQL refuses to run as root, so as root it runs as `postgres`."""

    def __init__(self, folder: Path):
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not versions:
            pytest.skip("PostgreSQL's server programs are not installed")
        self.bin = Path(versions[-1]).parent
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8")

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self.as_user, str(self.bin / program), *args], check=True, capture_output=True, timeout=120
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)


@contextmanager
def postgres() -> Iterator[Postgres]:
    folder = Path(tempfile.mkdtemp(prefix="waypoint-pg-"))
    try:
        server = Postgres(folder)
        server.start()
        try:
            yield server
        finally:
            with suppress(subprocess.CalledProcessError):  # already stopped by the test
                server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------
class Redis:
    def __init__(self):
        self.program = require("redis-server")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.program, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)

    def pause(self) -> None:
        """Hung: connections are accepted by the kernel, nothing answers."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@contextmanager
def redis() -> Iterator[Redis]:
    server = Redis()
    server.start()
    try:
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------------------
# The API under gunicorn, as deploy/Dockerfile runs it
# ---------------------------------------------------------------------------
def production_env(var_dir: Path, **settings: str) -> dict[str, str]:
    """The environment of a production deployment on loopback, without TLS in front."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL"}
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="waypoint.settings.production",
        SECRET_KEY="test-only-" + "k" * 50,
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CORS_ALLOWED_ORIGINS="",
        WAYPOINT_VAR_DIR=str(var_dir),
        WAYPOINT_HOME=str(ROOT),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    environ.update(settings)
    return environ


def manage(environ: dict[str, str], *args: str) -> str:
    """Run a management command; what it printed."""
    done = subprocess.run([*MANAGE, *args], env=environ, check=True, capture_output=True, timeout=600)
    return done.stdout.decode()


@contextmanager
def gunicorn(environ: dict[str, str], log: Path, workers: int = 2) -> Iterator[str]:
    """gunicorn started through deploy/entrypoint.sh (migrations, then the server); yields its origin."""
    port = free_port()
    environ = {**environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["sh", str(ROOT / "deploy" / "entrypoint.sh"), "gunicorn", "--config", "deploy/gunicorn.conf.py"],
            env=environ,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, timeout=300)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@contextmanager
def worker(environ: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """`manage.py run_worker` as docker-compose.yml's `worker` service starts it (the image's
    entrypoint, migrations left to the API); stopped with SIGTERM, as `docker compose stop` does."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["sh", str(ROOT / "deploy" / "entrypoint.sh"), "python", "backend/manage.py", "run_worker"],
            env={**environ, "MIGRATE_ON_START": "0"},
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        stop(process)


# ---------------------------------------------------------------------------
# nginx with the project's templates, in front of the API
# ---------------------------------------------------------------------------
NGINX_TEMPLATES = ROOT / "deploy" / "nginx"
# What the nginx image's own nginx.conf provides around the rendered server block, with
# this folder's pid file, logs and temporary files so it runs without touching the system's.
NGINX_MAIN = """
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {folder}/temp/body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;
    include {folder}/conf.d/default.conf;
}}
"""


def render_templates(values: dict[str, str], out: Path) -> None:
    """Each `deploy/nginx/*.template` into `out`, as the image does at start: envsubst of the
    variables its environment defines, so nginx's own `$uri` and the like stay as they are."""
    out.mkdir(parents=True, exist_ok=True)
    defined = " ".join(f"${{{name}}}" for name in values)
    for template in sorted(NGINX_TEMPLATES.glob("*.template")):
        rendered = subprocess.run(
            [require("envsubst"), defined],
            input=template.read_text(),
            env={**os.environ, **values},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (out / template.name.removesuffix(".template")).write_text(rendered)


def app_root(folder: Path) -> Path:
    """The built app with the deployment's config.json, as deploy/nginx.Dockerfile assembles it."""
    dist = ROOT / "pwa" / "dist"
    if not (dist / "index.html").exists():
        pytest.skip("the app is not built (make pwa-build)")
    root = folder / "html"
    shutil.copytree(dist, root)
    shutil.copy(ROOT / "deploy" / "pwa" / "config.json", root / "config.json")
    return root


@contextmanager
def nginx(backend: str) -> Iterator[str]:
    """Debian's nginx on a free port with the project's templates in front of `backend`; yields its origin."""
    program = require("nginx", "/usr/sbin/nginx")
    folder = Path(tempfile.mkdtemp(prefix="waypoint-nginx-"))
    try:
        # Run as root, nginx's workers are `nobody`: they must reach the files and temp folders.
        folder.chmod(0o755)
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (folder / "temp" / name).mkdir(parents=True, mode=0o777)
            (folder / "temp" / name).chmod(0o777)
        port = free_port()
        render_templates(
            {
                "BACKEND_UPSTREAM": backend.removeprefix("http://"),
                "API_ORIGIN": "",
                "NGINX_LISTEN": f"127.0.0.1:{port}",
                "APP_ROOT": str(app_root(folder)),
                "NGINX_CONF_DIR": str(folder / "conf.d"),
                "NGINX_LOG_DIR": str(folder),
            },
            folder / "conf.d",
        )
        (folder / "nginx.conf").write_text(NGINX_MAIN.format(folder=folder))
        process = subprocess.Popen(
            [program, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=(folder / "stderr.log").open("wb"),
        )
        try:
            wait_for_port(port, process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.send_signal(signal.SIGQUIT)  # nginx's graceful stop
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                stop(process)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------
# SMTP: aiosmtpd on loopback, keeping what it receives
# ---------------------------------------------------------------------------
class Mailbox:
    """A real SMTP server's handler: every message it accepted, parsed, with its envelope recipients."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.received: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.original_content or envelope.content, policy=default_policy)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[EmailMessage]:
        return [message for _, message in self.received]

    def to(self, address: str) -> list[EmailMessage]:
        return [message for recipients, message in self.received if address in recipients]


@contextmanager
def smtp(port: int | None = None) -> Iterator[Mailbox]:
    """An SMTP server on loopback (`port`, or a free one); yields its mailbox."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox(port)
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()
