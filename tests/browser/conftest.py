"""End-to-end fixtures: a live API, the built PWA on another origin, headless Chromium.

The API runs in a subprocess on a free port with a fresh SQLite database in a temporary
folder (migrate, load_demo, seed.py); CORS allows exactly the PWA's origin. The PWA's
built files (pwa/dist, from `npm run build`) are served by a small static server on a
second free port, like nginx would: the app's routes fall back to index.html, a missing
file is a 404. Its config.json points to that API and leaves quick exit at the app's own
neutral page, so it never leaves the two origins. Every request the browser makes is
recorded; each test ends by checking that none went anywhere else.
"""

from __future__ import annotations

import json
import mimetypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "pwa" / "dist"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# Report requests made by service workers too, so the origin check covers them.
os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


# ---------------------------------------------------------------------------
# The API
# ---------------------------------------------------------------------------
@dataclass
class Api:
    origin: str

    def call(
        self, method: str, path: str, body: dict | None = None, token: str | None = None
    ) -> tuple[int, dict]:
        request = urllib.request.Request(
            self.origin + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={
                "Content-Type": "application/json",
                **({"Authorization": f"Bearer {token}"} if token else {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else {}
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, json.loads(raw) if raw else {}

    def login(self, username: str, password: str) -> dict:
        status, tokens = self.call(
            "POST", "/api/v1/auth/token/", {"username": username, "password": password}
        )
        assert status == 200, tokens
        return tokens


@pytest.fixture(scope="session")
def ports() -> tuple[int, int]:
    return free_port(), free_port()


MANAGE = [sys.executable, str(ROOT / "backend" / "manage.py")]


def prepare_api(
    var_dir: Path, pwa_port: int, contacts: int = 0, organizations: int = 0, directory: bool = False
) -> dict:
    """A fresh SQLite database in `var_dir` with the demo network and seed.py's additions, plus
    a generated network of `contacts` contact points (`manage.py generate_network`) if asked,
    and the public directory loaded first, as `make run` does, if `directory`.

    Returns the environment the API must run with: CORS open to exactly the app's origin,
    sign-in throttles out of the way of tests that sign in many times.
    """
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "waypoint.settings.base",
        "WAYPOINT_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'e2e.sqlite3'}",
        "CORS_ALLOWED_ORIGINS": f"http://127.0.0.1:{pwa_port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "THROTTLE_LOGIN_IP": "1000/min",
        "THROTTLE_LOGIN_USERNAME": "1000/min",
        "THROTTLE_LOGIN_FAILURES": "1000/min",
        "DEBUG": "0",
    }
    steps = [["migrate", "--no-input", "-v0"], *([["load_directory"]] if directory else []), ["load_demo"]]
    for step in steps:
        subprocess.run([*MANAGE, *step], env=env, check=True, capture_output=True, timeout=300)
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("seed.py"))], env=env, check=True, timeout=120
    )
    if contacts:
        generate = ["generate_network", f"--contacts={contacts}", f"--organizations={organizations}"]
        subprocess.run([*MANAGE, *generate], env=env, check=True, capture_output=True, timeout=600)
    return env


@contextmanager
def running_api(env: dict, port: int, var_dir: Path) -> Iterator[Api]:
    """`runserver` on `port` with the environment `prepare_api` returned, its log in `var_dir`."""
    log = open(var_dir / "server.log", "wb")  # noqa: SIM115 (kept open for the server's lifetime)
    server = subprocess.Popen(
        [*MANAGE, "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
        yield Api(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@contextmanager
def app_on_own_api(**prepare) -> Iterator[tuple[StaticSite, Api, dict]]:
    """The built app and an API of its own over a database `prepare_api(**prepare)` makes, for a
    module whose data differs from the session's."""
    require_build()
    api_port, pwa_port = free_port(), free_port()
    var_dir = Path(tempfile.mkdtemp(prefix="waypoint-e2e-own-"))
    try:
        env = prepare_api(var_dir, pwa_port, **prepare)
        with running_api(env, api_port, var_dir) as api:
            site = StaticSite(
                origin=f"http://127.0.0.1:{pwa_port}",
                config={"apiBaseUrl": api.origin, "syncIntervalMinutes": 30},
            )
            with serving(site):
                yield site, api, env
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def api_server(ports):
    api_port, pwa_port = ports
    var_dir = Path(tempfile.mkdtemp(prefix="waypoint-e2e-"))
    try:
        with running_api(prepare_api(var_dir, pwa_port), api_port, var_dir) as api:
            yield api
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


# ---------------------------------------------------------------------------
# The PWA's static files
# ---------------------------------------------------------------------------
@dataclass
class StaticSite:
    origin: str
    config: dict
    offline: bool = False
    served_while_offline: list[str] = field(default_factory=list)
    root: Path = DIST  # a test may point this at a copy of the build, e.g. a "new deploy"


def make_handler(site: StaticSite):
    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {
            **mimetypes.types_map,
            ".js": "text/javascript",
            ".webmanifest": "application/manifest+json",
        }

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site.root), **kwargs)

        def log_message(self, format, *args):
            pass

        def end_headers(self):
            if urlsplit(self.path).path in ("/sw.js", "/index.html", "/config.json", "/manifest.webmanifest"):
                self.send_header("Cache-Control", "no-cache")
            self.send_header("X-Robots-Tag", "noindex, nofollow")
            super().end_headers()

        def do_GET(self):
            path = urlsplit(self.path).path
            if site.offline:
                # The network is "down": anything that reaches us did not come from the SW's caches.
                site.served_while_offline.append(path)
                self.send_error(503)
                return
            if path == "/config.json":
                body = json.dumps(site.config).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            target = site.root / path.lstrip("/")
            if path == "/" or not (target.is_file() or "." in path.rsplit("/", 1)[-1]):
                self.path = "/index.html"  # the app's routes; a missing file stays a 404
            super().do_GET()

    return Handler


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser closed mid-answer
            super().handle_error(request, client_address)


@contextmanager
def serving(site: StaticSite) -> Iterator[StaticSite]:
    """Serves the built app as `site` says, on the port of its origin, until the block ends."""
    server = QuietServer(("127.0.0.1", int(site.origin.rsplit(":", 1)[1])), make_handler(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def require_build() -> None:
    if not (DIST / "index.html").is_file():
        pytest.fail("The PWA is not built: run `npm ci && npm run build` in pwa/ first.")


@pytest.fixture(scope="session")
def pwa(ports, api_server):
    require_build()
    _, pwa_port = ports
    site = StaticSite(
        origin=f"http://127.0.0.1:{pwa_port}",
        config={"apiBaseUrl": api_server.origin, "syncIntervalMinutes": 30},
    )
    with serving(site):
        yield site


# ---------------------------------------------------------------------------
# The browser
# ---------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (set CHROMIUM_PATH).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@contextmanager
def phone_context(browser, *origins: str, locale: str = "en-US"):
    """A fresh profile on a phone-sized screen; fails if any request left `origins`."""
    context = browser.new_context(
        viewport={"width": 360, "height": 640}, locale=locale, service_workers="allow"
    )
    context.set_default_timeout(15_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        yield context
    finally:
        context.close()
    foreign = [
        url for url in requests if not url.startswith(("data:", "blob:")) and origin_of(url) not in origins
    ]
    assert foreign == [], f"requests to other origins: {foreign}"
    assert requests, "no request was recorded"


@pytest.fixture
def context(browser, pwa, api_server):
    """A fresh profile on a phone-sized screen; fails the test if any request left the two origins."""
    with phone_context(browser, pwa.origin, api_server.origin) as context:
        yield context


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def page(context, pwa):
    page = context.new_page()
    yield page
    pwa.offline = False
    pwa.root = DIST


def fill_sign_in(page, username: str, password: str, pin: str) -> None:
    """Opens Account from the navigation and fills the sign-in form, PIN and its repetition included;
    the caller presses "Sign in" (a benchmark starts its clock first)."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="More").click()
    page.get_by_role("main").get_by_role("link", name="Account").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_test_id("signin-pin").fill(pin)
    page.get_by_test_id("signin-pin2").fill(pin)


def show_more_until(page, locator, rounds: int = 20):
    """Presses "show more" on a paged list until `locator` is on the page or the list ends; returns it."""
    for _ in range(rounds):
        if locator.count() or not page.get_by_test_id("show-more").count():
            break
        page.get_by_test_id("show-more").click()
    return locator
