"""The production stack, started for real without containers (`make prod-smoke`).

Debian's nginx with the project's own templates (rendered as the nginx image renders them)
in front of gunicorn started as the image starts it (deploy/entrypoint.sh, then
deploy/gunicorn.conf.py) with the production settings, a PostgreSQL cluster and a Redis of
its own on loopback, and the built app as static files. Checked on the wire: the app's
Content-Security-Policy and security headers, the API proxied with the backend's headers,
gzip where it is safe and not on the API, the admin's and the API docs' static files,
`/healthz`, that stalled clients do not keep a normal request from being served, and that
the background worker beside gunicorn runs the periodic jobs.
"""

import re
import socket
import time
from contextlib import ExitStack

import httpx
import pytest

from tests.servers import gunicorn, manage, nginx, postgres, production_env, redis, worker

pytestmark = pytest.mark.stack

WORKERS = 2


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("production")
    with postgres() as database, redis() as cache:
        url = database.create_database("waypoint")
        # Every demo contact not verified in the last three days is stale: the worker's daily
        # reminder has something to tell the demo coordinators.
        environ = production_env(var_dir, DATABASE_URL=url, REDIS_URL=cache.url, CONTACT_STALE_DAYS="3")
        manage(environ, "collectstatic", "--noinput")
        manage(environ, "migrate", "--noinput")
        manage(environ, "load_demo", "--allow-production")  # something to list and to sync
        with (
            gunicorn(environ, var_dir / "gunicorn.log", workers=WORKERS) as backend,
            worker(environ, var_dir / "worker.log"),
            nginx(backend) as origin,
            httpx.Client(base_url=origin, timeout=10, headers={"Host": "localhost"}) as client,
        ):
            client.backend = backend
            yield client


def test_the_app_is_served_with_its_content_security_policy_and_security_headers(site):
    page = site.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'"):
        assert directive in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-robots-tag"] == "noindex, nofollow"
    assert page.headers["cache-control"] == "no-cache"
    assert page.headers["server"] == "nginx"  # no version

    asset = re.search(r'src="(/assets/[^"]+\.js)"', page.text).group(1)
    script = site.get(asset)
    assert script.status_code == 200
    assert "immutable" in script.headers["cache-control"]
    assert "content-security-policy" in script.headers

    # An app route falls back to index.html; a missing file is a 404, not the app.
    assert site.get("/workspace").text == page.text
    assert site.get("/no-such-file.js").status_code == 404


def test_the_app_is_compressed_and_the_api_only_where_the_backend_chose_to(site):
    gzip = {"Accept-Encoding": "gzip"}
    config = site.get("/config.json", headers=gzip)
    assert config.json()["apiBaseUrl"] == ""
    assert config.headers["content-encoding"] == "gzip"

    # Not the API as a whole (BREACH)...
    index = site.get("/api/v1/", headers=gzip)
    assert index.status_code == 200
    assert index.headers["content-type"].startswith("application/json")
    assert "content-encoding" not in index.headers
    # ...only the sync snapshot, which the backend compresses itself.
    snapshot = site.get("/api/v1/sync/", headers=gzip)
    assert snapshot.status_code == 200
    assert snapshot.headers["content-encoding"] == "gzip"


def test_the_api_is_proxied_with_the_backends_own_security_headers(site):
    response = site.get("/api/v1/organizations/")
    assert response.status_code == 200
    assert "results" in response.json()
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    # Through a proxy that says the request came over TLS, HSTS is sent.
    secure = site.get("/api/v1/", headers={"X-Forwarded-Proto": "https"})
    assert "max-age=31536000" in secure.headers["strict-transport-security"]


@pytest.mark.parametrize("page", ["/admin/login/", "/api/docs/", "/api/redoc/"])
def test_the_admin_and_the_api_docs_load_their_static_files(site, page):
    html = site.get(page)
    assert html.status_code == 200, page
    files = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html.text))
    assert files, f"{page} links no static file"
    for path in files:
        response = site.get(path)
        assert response.status_code == 200, path
        assert int(response.headers["content-length"]) > 0, path


def test_healthz_reports_the_database_and_the_cache(site):
    response = site.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    # /readyz reads the migration graph: for the operator at the backend, not proxied to the world.
    assert httpx.get(f"{site.backend}/readyz", headers={"Host": "localhost"}).json()["migrations"] == "ok"
    assert site.get("/readyz").headers["content-type"].startswith("text/html")  # the app's fallback


def test_ten_stalled_clients_do_not_keep_a_normal_request_waiting(site):
    """More stalled clients than gunicorn has workers: nginx holds them, gunicorn never sees them."""
    host, port = site.base_url.host, site.base_url.port
    with ExitStack() as stalled:
        for number in range(10):
            sock = stalled.enter_context(socket.create_connection((host, port), timeout=5))
            if number % 2:  # headers never finished
                sock.sendall(b"GET /api/v1/organizations/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            else:  # a body that never arrives
                sock.sendall(
                    b"POST /api/v1/auth/token/ HTTP/1.1\r\nHost: localhost\r\n"
                    b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                )
        time.sleep(0.5)
        for _ in range(WORKERS * 2):
            started = time.monotonic()
            assert site.get("/api/v1/organizations/").status_code == 200
            assert time.monotonic() - started < 2


def test_the_worker_runs_the_daily_stale_contact_reminder_without_anyone_opening_the_inbox(site):
    """The worker enqueues the reminder on its own schedule and runs it; nobody asked for it."""
    token = site.post("/api/v1/auth/token/", json={"username": "alice", "password": "demo-coordinator-pass"})
    assert token.status_code == 200, token.text
    headers = {"Authorization": f"Bearer {token.json()['access']}"}
    deadline = time.monotonic() + 60
    while True:
        notices = site.get("/api/v1/inbox/", params={"kind": "contact_stale"}, headers=headers)
        assert notices.status_code == 200, notices.text
        if notices.json()["count"] or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert notices.json()["count"] > 0
    assert all(item["contact_point"] for item in notices.json()["results"])
