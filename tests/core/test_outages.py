"""Outages of the database and of Redis, on a deployment of its own: gunicorn with the
production settings, a PostgreSQL cluster and a Redis server this module starts, stops and
pauses itself.

While the database is down every request answers 503 problem details with `Retry-After`,
whether it fails in a view, in authentication or in the idempotency middleware, and the log
grows by one short line per request, not a traceback; once it is back, requests work again
by themselves. Without Redis, signing in still works (the throttle counts in the worker's
memory) and `/healthz` says the cache is down; a hung Redis costs a request at most the
short socket timeout.
"""

import time
import uuid

import httpx
import pytest

from tests.servers import gunicorn, manage, postgres, production_env, redis

pytestmark = pytest.mark.stack

PASSWORD = "correct horse battery"
WORKERS = 2


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("outages")
    log = var_dir / "server.log"
    with postgres() as database, redis() as cache:
        environ = production_env(
            var_dir,
            DATABASE_URL=database.create_database("waypoint"),
            DATABASE_CONN_MAX_AGE="60",
            REDIS_URL=cache.url,
            REDIS_RETRY_SECONDS="1",
            REDIS_TIMEOUT_MS="250",
        )
        with gunicorn(environ, log, workers=WORKERS) as origin:
            manage(
                environ,
                "shell",
                "-c",
                "from django.contrib.auth import get_user_model; "
                f"get_user_model().objects.create_user('nadia', password='{PASSWORD}')",
            )
            with httpx.Client(base_url=origin, timeout=15) as client:
                yield client, database, cache, log


def sign_in(client: httpx.Client) -> httpx.Response:
    return client.post("/api/v1/auth/token/", json={"username": "nadia", "password": PASSWORD})


def until(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.2)


def test_a_database_outage_answers_503_with_retry_after_and_one_log_line_per_request(stack):
    client, database, _, log = stack
    access = sign_in(client).json()["access"]
    signed_in = {"Authorization": f"Bearer {access}"}
    assert client.get("/api/v1/organizations/").status_code == 200

    database.stop()
    logged_before = log.stat().st_size
    requests = [
        ("GET", "/api/v1/organizations/", {}, None),  # a view's query
        ("POST", "/api/v1/auth/token/", {}, {"username": "nadia", "password": PASSWORD}),  # sign-in
        ("GET", "/api/v1/me/", signed_in, None),  # authentication
        # The idempotency middleware reads the key before any view runs.
        ("POST", "/api/v1/organizations/", {**signed_in, "Idempotency-Key": str(uuid.uuid4())}, {}),
    ] * 5
    for method, path, headers, body in requests:
        response = client.request(method, path, headers=headers, json=body)
        assert response.status_code == 503, (path, response.text)
        assert response.headers["Retry-After"] == "10"
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 503
        assert problem["type"].endswith("/service-unavailable")
        assert problem["instance"] == path
        assert problem["errors"][0]["code"] == "database_unavailable"
        assert "Try again in 10 seconds" in problem["detail"]

    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "database": "down", "cache": "ok"}

    logged = log.read_bytes()[logged_before:].decode()
    assert "Traceback" not in logged, logged
    lines = logged.splitlines()
    assert len(lines) <= len(requests) + 1, logged  # and the health check's own 503
    assert all(len(line) < 400 for line in lines), logged
    assert "GET /api/v1/organizations/ answered 503: database unavailable" in logged

    database.start()
    until(lambda: client.get("/api/v1/organizations/").status_code == 200)
    # Every worker's kept connection broke; each one recovers on its own.
    for _ in range(4 * WORKERS):
        assert client.get("/api/v1/me/", headers=signed_in).status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"


def test_signing_in_works_while_redis_is_down_and_healthz_says_the_cache_is_down(stack):
    client, _, cache, log = stack
    cache.stop()
    try:
        for _ in range(3):
            assert sign_in(client).status_code == 200
        health = client.get("/healthz")
        assert health.status_code == 200
        assert health.json() == {"status": "degraded", "database": "ok", "cache": "down"}
        assert client.get("/readyz").status_code == 503
    finally:
        cache.start()
    until(lambda: client.get("/healthz").json()["cache"] == "ok")
    assert sign_in(client).status_code == 200
    assert "Traceback" not in log.read_text()
    # Logged once per worker each way, not per request.
    assert log.read_text().count("Redis does not answer") <= WORKERS


def test_a_hung_redis_costs_a_sign_in_at_most_the_short_socket_timeout(stack):
    client, _, cache, _ = stack
    cache.pause()
    try:
        for _ in range(3):
            started = time.monotonic()
            assert sign_in(client).status_code == 200
            assert time.monotonic() - started < 2
    finally:
        cache.resume()
    until(lambda: client.get("/healthz").json()["cache"] == "ok")
